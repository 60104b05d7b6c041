import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver on 127.0.0.1 and a random port: records every request and answers each path
 * from its queue of answers (200 once the queue is empty).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const answers = new Map<
    string,
    Array<{ status: number; headers?: Record<string, string>; body?: string }>
  >();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.get(path)?.shift() ?? { status: 200, body: 'ok' };
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** The next answers of a path, in order. */
    answer(
      path: string,
      ...list: Array<{ status: number; headers?: Record<string, string>; body?: string }>
    ) {
      answers.set(path, [...(answers.get(path) ?? []), ...list]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The headers a receiver reads to verify, from a recorded request. */
export function signatureHeaders(r: ReceivedWebhook) {
  return {
    id: String(r.headers['webhook-id']),
    timestamp: String(r.headers['webhook-timestamp']),
    signature: String(r.headers['webhook-signature']),
  };
}
