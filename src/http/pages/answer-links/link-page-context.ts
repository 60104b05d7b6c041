import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { checkFormProof, newFormProof } from '../../../domain/answer-links/answer-link-token.js';
import {
  contactContext,
  type OpenedLink,
  openAnswerLink,
} from '../../../domain/answer-links/open-answer-link.js';
import { loadMunicipalityWords } from '../../../domain/organisations/municipality-words.js';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { TooManyRequestsError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { linkText } from './i18n.js';
import { linkGonePage } from './link-gone.js';

/** The cookie half of the form's double submit; only sent back to link pages. */
const FORM_COOKIE = 'pg_link_form';

/** What a link's page renders with: the page in the ward's words, the contact's context, the form proof. */
export interface LinkPage {
  p: PageCtx;
  ctx: UseCaseContext;
  opened: OpenedLink;
  /** The form field of the double submit; its nonce is in the cookie set with it. */
  formProof: string;
}

/** Every link page: never cached, never a referrer (the token is in the address), never indexed. */
function privateHeaders(c: Context<AppEnv>) {
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  c.header('x-robots-tag', 'noindex, nofollow');
}

/**
 * The page of the link in the address, with a fresh form proof, or the answer to send instead: the
 * one plain 404 for any link that cannot be used, 429 for a client guessing.
 */
export async function openLinkPage(c: Context<AppEnv>): Promise<LinkPage | Response> {
  privateHeaders(c);
  const deps = c.get('deps');
  const token = c.req.param('token') ?? '';
  let opened: OpenedLink | null;
  try {
    opened = await openAnswerLink(deps, {
      token,
      ip: deps.clientIp?.(c) ?? null,
      requestId: c.get('requestId'),
    });
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    const minutes = Math.ceil(error.retryAfterSeconds / 60);
    c.header('retry-after', String(error.retryAfterSeconds));
    return linkGonePage(c, 429, (lang) => linkText(lang).tooMany(minutes));
  }
  if (!opened) return linkGonePage(c);
  const p = pageCtx(c, await loadMunicipalityWords(deps.db, opened.link.wardId));
  const ctx = contactContext({ db: deps.db, now: deps.now, requestId: c.get('requestId') }, opened.link);
  const proof = await newFormProof(token);
  setCookie(c, FORM_COOKIE, proof.nonce, {
    path: '/l/',
    httpOnly: true,
    secure: deps.secureCookies,
    sameSite: 'Strict',
    maxAge: 24 * 3600,
  });
  return { p, ctx, opened, formProof: proof.field };
}

/** Whether the posted form carries the proof that goes with its cookie under this link's token. */
export async function formProofHolds(c: Context<AppEnv>): Promise<boolean> {
  const body = await c.req.parseBody();
  const field = typeof body._csrf === 'string' ? body._csrf : undefined;
  return checkFormProof(c.req.param('token') ?? '', getCookie(c, FORM_COOKIE), field);
}
