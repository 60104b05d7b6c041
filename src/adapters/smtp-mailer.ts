import nodemailer from 'nodemailer';
import type { Mailer } from '../domain/notifications/mailer.js';

/** Mail through the SMTP server in SMTP_URL (smtp://user:pass@host:port); MAIL_FROM is the sender. */
export function createSmtpMailer(url: string, from = 'no-reply@privacy-governance.example.jp'): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
