import { request } from 'node:http';

/**
 * A request through node:http that reports the answer even when the server answers before it has
 * read the whole body and closes (a body over the limit): fetch() reports only "other side closed".
 */
export function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Headers; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    // a connection of its own: one the server closed early must not be reused for the next request
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, v);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    // The server may answer (413) and close while the body is still being written: the write then
    // fails (EPIPE, ECONNRESET) while the answer is still being parsed. Give it a moment to arrive.
    req.on('error', (error) => {
      if (answered) return;
      setTimeout(() => {
        if (!answered) reject(error);
      }, 1000);
    });
    req.end(init.body);
  });
}
