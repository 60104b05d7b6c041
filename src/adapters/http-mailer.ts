import type { Mailer } from '../domain/notifications/mailer.js';

// Mail where no SMTP connection can be opened (Workers): one HTTPS POST per message to a mail
// API, JSON `{ from, to, subject, text }` with a bearer token — the request of Resend's
// /emails endpoint; a relay of one's own can accept the same. A refused message throws, so
// sendPendingMail leaves it unmailed for the next run.

export interface HttpMailerOptions {
  url: string;
  token?: string;
  from?: string;
  fetch?: typeof fetch;
}

export function createHttpMailer(options: HttpMailerOptions): Mailer {
  const from = options.from ?? 'no-reply@privacy-governance.example.jp';
  const send = options.fetch ?? fetch;
  return {
    async send(message) {
      const res = await send(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ from, to: message.to, subject: message.subject, text: message.text }),
      });
      if (!res.ok) throw new Error(`mail API answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}
