import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { API_CSP, SECURITY_HEADERS } from '../http/middleware/security-headers.js';

// Requests Node's HTTP parser refuses before the app sees them — headers too large (a 20 KB
// token), a malformed request line or header — are answered by Node itself with a bare 400/431.
// This answers them as the app answers everything: problem+json with the security headers.

const ANSWERS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request headers are too large',
    'リクエストヘッダーが大きすぎます',
  ],
  HPE_HEADER_TIMEOUT: [
    408,
    'Request Timeout',
    'The request took too long',
    'リクエストの受信が時間切れになりました',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    'The request took too long',
    'リクエストの受信が時間切れになりました',
  ],
};
const BAD_REQUEST: [number, string, string, string] = [
  400,
  'Bad Request',
  'The request could not be read',
  'リクエストを読み取れませんでした',
];

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, en, ja] = ANSWERS[error.code ?? ''] ?? BAD_REQUEST;
    const requestId = crypto.randomUUID();
    const body = JSON.stringify({
      type: '/problems/bad-request',
      title: en,
      title_ja: ja,
      status,
      detail: en,
      detail_ja: ja,
      request_id: requestId,
    });
    const headers = {
      ...SECURITY_HEADERS,
      'content-security-policy': API_CSP,
      'content-type': 'application/problem+json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'x-request-id': requestId,
      connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n');
    socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n\r\n${body}`);
  });
}
