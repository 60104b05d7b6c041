// The closed set of errors the domain may raise. src/http/problem.ts turns each into RFC 9457
// problem+json in one place; anything else becomes a 500 whose cause stays in the log.

export interface FieldError {
  /** JSON path of the offending field, e.g. "items.3.name". */
  path: string;
  message: string;
  message_ja: string;
  /** The article of the contract's 特記事項 behind the rule, where one is (「第9条」). */
  article?: string;
  /** An imported file's row (1 = the headings, as Excel numbers them) and column heading. */
  row?: number;
  column?: string;
  /** The cell as Excel names it (B7), where the column is in the file. */
  cell?: string;
}

export interface Message {
  en: string;
  ja: string;
}

abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: Message;
  constructor(readonly detail: Message) {
    super(detail.en);
  }
}

export class ValidationError extends DomainError {
  readonly status = 422;
  readonly type = 'validation-failed';
  readonly title = { en: 'The request is not valid', ja: '入力内容に誤りがあります' };
  constructor(
    detail: Message,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly type = 'unauthenticated';
  readonly title = { en: 'Sign-in required', ja: 'ログインが必要です' };
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly type = 'forbidden';
  readonly title = { en: 'Not permitted', ja: 'この操作は許可されていません' };
}

/** Also used for rows the caller may not know exist, so that existence does not leak. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = { en: 'Not found', ja: '見つかりません' };
}

/** A stale version, a duplicate, or an event the workflow refuses in its current state. */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly type = 'conflict';
  readonly title = {
    en: 'This cannot be done now',
    ja: '現在の状態ではこの操作はできません',
  };
  constructor(
    detail: Message,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly type = 'too-many-requests';
  readonly title = { en: 'Too many attempts', ja: '試行回数が多すぎます' };
  constructor(
    detail: Message,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}

export type AppError =
  | ValidationError
  | UnauthenticatedError
  | ForbiddenError
  | NotFoundError
  | ConflictError
  | TooManyRequestsError;

export function isAppError(error: unknown): error is AppError {
  return error instanceof DomainError;
}

/** The standard refusal for a stale version (If-Match or body version). */
export function staleVersion(subject: string, expected: number, actual: number): ConflictError {
  return new ConflictError(
    {
      en: `${subject} was changed by someone else after you opened it (version ${actual}, you sent ${expected}); reload to see the change, then try again`,
      ja: `${subject}は、開いた後に他の利用者によって更新されています（現在の版 ${actual}、送信された版 ${expected}）。再読み込みして変更内容を確認してから、やり直してください`,
    },
    { currentVersion: actual },
  );
}

export function notFound(what: string, whatJa: string): NotFoundError {
  return new NotFoundError({ en: `${what} not found`, ja: `${whatJa}が見つかりません` });
}
