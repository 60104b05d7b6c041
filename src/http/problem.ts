import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import {
  fillFieldError,
  fillMessage,
  fillWords,
  type MunicipalityWords,
  NEUTRAL_WORDS,
} from '../domain/organisations/municipality-words.js';
import { type FieldError, isAppError, ValidationError } from '../domain/shared/errors.js';
import type { AppEnv } from './app-env.js';
import { isUnreadableBody } from './unreadable-body.js';

// The one place where errors become RFC 9457 problem+json. Domain errors keep their status and
// bilingual text; anything unexpected is a 500 whose cause goes only to the log.

const PROBLEM_BASE = '/problems/';

interface ProblemBody {
  type: string;
  title: string;
  title_ja: string;
  status: number;
  detail: string;
  detail_ja: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

function respond(c: Context<AppEnv>, body: ProblemBody, headers: Record<string, string> = {}) {
  const requestId = c.get('requestId');
  const payload: ProblemBody = { ...body, instance: c.req.path, ...(requestId && { request_id: requestId }) };
  return new Response(JSON.stringify(payload), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

const httpTitles: Record<number, { type: string; en: string; ja: string }> = {
  400: { type: 'bad-request', en: 'The request could not be read', ja: 'リクエストを読み取れませんでした' },
  401: { type: 'unauthenticated', en: 'Sign-in required', ja: 'ログインが必要です' },
  403: { type: 'forbidden', en: 'Not permitted', ja: 'この操作は許可されていません' },
  404: { type: 'not-found', en: 'Not found', ja: '見つかりません' },
  405: { type: 'method-not-allowed', en: 'Method not allowed', ja: 'このメソッドは使用できません' },
  413: {
    type: 'payload-too-large',
    en: 'The request body is too large',
    ja: 'リクエストの本文が大きすぎます',
  },
  415: {
    type: 'unsupported-media-type',
    en: 'Unsupported content type',
    ja: 'この形式の本文は受け付けられません',
  },
};

/** A 409's extra members (what a gate found missing, …) with the words put into their texts. */
function fillExtra(value: unknown, words: MunicipalityWords, key = ''): unknown {
  if (typeof value === 'string')
    return fillWords(value, words, key === 'ja' || key.endsWith('_ja') ? 'ja' : 'en');
  if (Array.isArray(value)) return value.map((v) => fillExtra(v, words, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillExtra(v, words, k)]));
  }
  return value;
}

export function problemFromError(error: unknown, c: Context<AppEnv>): Response {
  if (isAppError(error)) {
    const headers: Record<string, string> =
      'retryAfterSeconds' in error ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    if (error.status === 401) headers['www-authenticate'] = 'Bearer';
    // the domain speaks of the tenant as {self}: the caller's municipality's own word (区, 市, …)
    const words = c.get('auth')?.words ?? NEUTRAL_WORDS;
    const detail = fillMessage(error.detail, words);
    const extra = 'extra' in error ? (fillExtra(error.extra, words) as Record<string, unknown>) : {};
    return respond(
      c,
      {
        type: PROBLEM_BASE + error.type,
        title: error.title.en,
        title_ja: error.title.ja,
        status: error.status,
        detail: detail.en,
        detail_ja: detail.ja,
        ...(error instanceof ValidationError && {
          errors: error.errors.map((e) => fillFieldError(e, words)),
        }),
        ...extra,
      },
      headers,
    );
  }
  if (isUnreadableBody(error)) {
    const known = httpTitles[400]!;
    return respond(c, {
      type: PROBLEM_BASE + known.type,
      title: known.en,
      title_ja: known.ja,
      status: 400,
      detail: 'The form body could not be read',
      detail_ja: 'フォームの本文を読み取れませんでした',
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    const known = httpTitles[error.status] ?? httpTitles[400]!;
    return respond(c, {
      type: PROBLEM_BASE + known.type,
      title: known.en,
      title_ja: known.ja,
      status: error.status,
      detail: error.message || known.en,
      detail_ja: known.ja,
    });
  }
  c.get('logger')?.error({ err: error }, 'unhandled error');
  return respond(c, {
    type: `${PROBLEM_BASE}internal`,
    title: 'Internal server error',
    title_ja: 'サーバー内部でエラーが発生しました',
    status: 500,
    detail: 'An unexpected error occurred; it has been logged with the request id',
    detail_ja: '予期しないエラーが発生しました。リクエストIDとともに記録されています',
  });
}

export function notFoundProblem(c: Context<AppEnv>): Response {
  const t = httpTitles[404]!;
  return respond(c, {
    type: PROBLEM_BASE + t.type,
    title: t.en,
    title_ja: t.ja,
    status: 404,
    detail: `No route for ${c.req.method} ${c.req.path}`,
    detail_ja: `${c.req.method} ${c.req.path} は存在しません`,
  });
}

const japaneseByCode: Record<string, string> = {
  invalid_type: '値の型が正しくありません（必須項目の未入力を含む）',
  too_small: '値が短すぎるか小さすぎます',
  too_big: '値が長すぎるか大きすぎます',
  invalid_format: '形式が正しくありません',
  invalid_value: '指定できない値です',
  unrecognized_keys: '不明な項目が含まれています',
  invalid_union: '値が正しくありません',
  not_multiple_of: '値が正しくありません',
  custom: '値が正しくありません',
};

/** Turns zod issues into field errors with a Japanese message beside zod's English one. */
export function validationFromZod(error: ZodError, target: string): ValidationError {
  const errors = error.issues.map((issue) => ({
    path: [target, ...issue.path.map(String)].join('.'),
    message: issue.message,
    message_ja:
      issue.code === 'custom' && issue.message === 'must not be blank'
        ? '入力してください'
        : (japaneseByCode[issue.code] ?? '値が正しくありません'),
  }));
  return new ValidationError({ en: 'Some fields are not valid', ja: '入力内容に誤りがあります' }, errors);
}
