import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { validationFromZod } from './problem.js';

/** Every route's request validation failure becomes the same 422 problem. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) throw validationFromZod(result.error as never, result.target);
};
