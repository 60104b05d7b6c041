import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink } from '../../test/workers/mail-sink.js';
import { createHttpMailer } from './http-mailer.js';

// The mailer the Worker uses (no SMTP there), against a stand-in for the mail API on 127.0.0.1.

let sink: Awaited<ReturnType<typeof startMailSink>>;
beforeAll(async () => {
  sink = await startMailSink();
});
afterAll(() => sink.close());

describe('createHttpMailer', () => {
  it('posts the message as JSON with the bearer token and the sender', async () => {
    const mailer = createHttpMailer({ url: `${sink.url}/emails`, token: 'secret', from: 'kanri@example.jp' });
    await mailer.send({ to: 'officer@example.jp', subject: '【期限超過】遵守状況報告書', text: '本文' });
    const received = await (await fetch(`${sink.url}/received`)).json();
    expect(received).toEqual([
      {
        authorization: 'Bearer secret',
        from: 'kanri@example.jp',
        to: 'officer@example.jp',
        subject: '【期限超過】遵守状況報告書',
        text: '本文',
      },
    ]);
  });

  it('throws when the API refuses, so the notification stays unmailed for the next run', async () => {
    const mailer = createHttpMailer({ url: `${sink.url}/nowhere` });
    await expect(mailer.send({ to: 'a@example.jp', subject: 's', text: 't' })).rejects.toThrow(/404/);
  });
});
