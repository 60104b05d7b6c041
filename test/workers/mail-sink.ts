import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the Worker's HTTP mailer posted: the JSON body and the bearer token it sent. */
export interface ReceivedMail {
  authorization: string | null;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * A stand-in for the HTTP mail API, on 127.0.0.1: it accepts `POST /emails` and tells what it got
 * at `GET /received` (the tests run in other processes than the global setup that starts it).
 */
export async function startMailSink(): Promise<{ url: string; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/received') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
      return;
    }
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/emails') {
        res.writeHead(404).end();
        return;
      }
      received.push({ authorization: req.headers.authorization ?? null, ...JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"sink"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
