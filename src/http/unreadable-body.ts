// A form or multipart body that cannot be parsed (a boundary that does not match, a truncated
// part) makes the runtime's FormData parser throw a TypeError from wherever the body is first
// read — a page action, the CSRF check, an upload. It is the client's request that is broken:
// both error handlers answer it 400, not 500.

/** Whether `error` is the runtime refusing to parse a request body as FormData. */
export function isUnreadableBody(error: unknown): boolean {
  return error instanceof TypeError && /^Failed to parse body as FormData/.test(error.message);
}
