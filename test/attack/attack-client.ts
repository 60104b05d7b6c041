import { rawRequest } from '../helpers/http-server.js';

// The attacker's HTTP client: every request goes over the socket to the started server and is
// counted; every answer is checked for a 5xx and for the security headers.

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface Figures {
  requests: number;
  serverErrors: string[];
  leaks: string[];
  forgedAccepted: string[];
  missingHeaders: string[];
  /** Other findings that fail the run (a throttle bypassed). */
  failures: string[];
  /** "METHOD /template" of every operation of the OpenAPI document that was called. */
  covered: Set<string>;
}

export function newFigures(): Figures {
  return {
    requests: 0,
    serverErrors: [],
    leaks: [],
    forgedAccepted: [],
    missingHeaders: [],
    failures: [],
    covered: new Set(),
  };
}

const REQUIRED = ['x-content-type-options', 'x-frame-options', 'strict-transport-security', 'x-request-id'];

export class AttackClient {
  constructor(
    readonly base: string,
    readonly figures: Figures,
  ) {}

  /** Sends one request; `op` ("METHOD /template") marks an operation of the document as covered. */
  async send(
    method: string,
    path: string,
    options: {
      token?: string;
      json?: unknown;
      body?: BodyInit | Buffer;
      headers?: Record<string, string>;
      op?: string;
      raw?: boolean;
    } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: BodyInit | Buffer | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    this.figures.requests++;
    if (options.op) this.figures.covered.add(options.op);
    let status: number;
    let responseHeaders: Headers;
    let text: string;
    const what = `${method} ${path.slice(0, 160)}`;
    try {
      if (options.raw) {
        const res = await rawRequest(`${this.base}${path}`, {
          method,
          headers,
          body: body as Buffer | string,
        });
        ({ status, headers: responseHeaders, body: text } = res);
      } else {
        const res = await fetch(`${this.base}${path}`, {
          method,
          headers,
          body: body as BodyInit | undefined,
          redirect: 'manual',
        });
        status = res.status;
        responseHeaders = res.headers;
        text = await res.text();
      }
    } catch (error) {
      // no answer at all: the server dropped the connection (or crashed)
      this.figures.failures.push(`${what} → no answer (${(error as Error).message})`);
      return { status: 0, headers: new Headers(), body: undefined, text: '' };
    }
    if (status >= 500) this.figures.serverErrors.push(`${what} → ${status} ${text.slice(0, 200)}`);
    const missing = REQUIRED.filter((h) => !responseHeaders.has(h));
    const pdf = responseHeaders.get('content-type')?.startsWith('application/pdf');
    if (!pdf && !responseHeaders.get('content-security-policy')?.includes("frame-ancestors 'none'")) {
      missing.push("content-security-policy frame-ancestors 'none'");
    }
    if (missing.length && this.figures.missingHeaders.length < 50) {
      this.figures.missingHeaders.push(`${what} → ${status} lacks ${missing.join(', ')}`);
    }
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status, headers: responseHeaders, body: parsed, text };
  }
}

/** What an answer tells a caller: status, problem type, field-error paths (not ids or request ids). */
export function signature(a: Answer): string {
  const body = a.body && typeof a.body === 'object' ? (a.body as Record<string, unknown>) : {};
  const errors = Array.isArray(body.errors)
    ? (body.errors as Array<{ path: string }>).map((e) => e.path).sort()
    : [];
  return JSON.stringify([a.status, body.type ?? null, errors]);
}
