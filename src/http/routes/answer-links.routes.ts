import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AnswerLink, linkState } from '../../domain/answer-links/answer-link.repository.js';
import { createAnswerLink } from '../../domain/answer-links/create-answer-link.js';
import { listAnswerLinks, revokeAnswerLink } from '../../domain/answer-links/manage-answer-links.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { AnswerLinkSchema, CreateAnswerLinkBody } from '../schemas/answer-links.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonResponse, Uuid } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['answer links'], security: bearerSecurity };

function present(link: AnswerLink, now: Date): z.infer<typeof AnswerLinkSchema> {
  return {
    ...link,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    usedAt: link.usedAt?.toISOString() ?? null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    state: linkState(link, now),
  } as never;
}

/** Where the link opens, on the host the officer called (the app's own public pages). */
export const linkUrl = (c: Context, token: string) => `${new URL(c.req.url).origin}/l/${token}`;

/** 回答用リンク: one-time links for a company's contact without an account. */
export function answerLinkRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Send a company’s contact a one-time link to answer (回答用リンク) / 回答用リンクの作成',
      description:
        'A signer of the ward (担当者・係長・課長) makes a one-time, expiring, single-purpose link (回答用リンク) for a contact of the company who has no account, to answer the compliance report (遵守状況報告書, 別紙5) — only for a report of the ward that awaits the company (未回答, 下書き or 差戻し) — or to upload the signed pledge (誓約書) of a handler on the ward’s rosters who has none with its copy yet; otherwise 409. The link’s `url` and `token` are in this answer only — the server keeps a hash — and are mailed to the contact when mail is configured (`mailed` says whether the mail was accepted; a failed mail does not undo the link). It expires after `expiresInDays` (7 by default, at most 30) and works once: the contact’s submission runs the same use case as the company’s manager (the report’s submit step; the pledge’s copy and record), audited as the contact (`contact:<link id>`, name, e-mail). 404 for a report you may not see (another ward’s), 403 for a user who may not make links, 422 for a bad contact or period.',
      request: { body: jsonBody(CreateAnswerLinkBody) },
      responses: {
        201: jsonResponse(
          AnswerLinkSchema.extend({ token: z.string(), url: z.string(), mailed: z.boolean() }),
          'The link, with its token shown once',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { link, token, mailed } = await createAnswerLink(ctx, c.req.valid('json'), {
        mailer: c.get('deps').mailer,
        urlOf: (t) => linkUrl(c, t),
      });
      c.header('cache-control', 'no-store');
      return c.json({ ...present(link, ctx.now()), token, url: linkUrl(c, token), mailed }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'The ward’s answer links, newest first / 回答用リンクの一覧',
      description:
        'The one-time links (回答用リンク) of the signed-in signer’s ward, newest first (at most 100), each with its contact, purpose, record and state (`open`, `used`, `revoked`, `expired`); never the token. Filter by `targetId` (the record the link answers). Filtered in the database by the same permissions; companies see none.',
      request: { query: z.object({ targetId: Uuid.optional() }) },
      responses: {
        200: jsonResponse(z.object({ items: z.array(AnswerLinkSchema) }), 'The links'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const links = await listAnswerLinks(ctx, c.req.valid('query'));
      return c.json({ items: links.map((l) => present(l, ctx.now())) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/revoke',
      summary: 'Revoke an unused link / 回答用リンクの取消し',
      description:
        'Revokes a one-time link (回答用リンク) that has not been used: from then on it opens nothing and answers exactly like an unknown link. Refused 409 when the link has been used or revoked already; 404 for a link of another ward; 403 for a user who may not manage links. Audited.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(AnswerLinkSchema, 'The revoked link'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const link = await revokeAnswerLink(ctx, c.req.valid('param').id);
      return c.json(present(link, ctx.now()), 200);
    },
  );

  return app;
}
