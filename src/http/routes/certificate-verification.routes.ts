import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from '../validation-hook.js';

/** Filled in by its feature. */
export function certificateVerificationRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
