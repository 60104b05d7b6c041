import { HTTPException } from 'hono/http-exception';

/** Thrown by the body limit; the problem handler turns it into a 413 problem+json. */
export const PayloadTooLarge = new HTTPException(413, {
  message: 'The request body exceeds the limit of 1 MiB',
});
