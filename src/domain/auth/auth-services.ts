import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PasswordHasher } from './password-hasher.js';
import type { TokenService } from './token-service.js';

export interface AuthSettings {
  /** Lifetime of an access token (JWT). */
  accessTtlSeconds: number;
  /** A session ends this long after sign-in, however often it is refreshed (one working day). */
  sessionTtlSeconds: number;
  /** Failed sign-ins per e-mail address within the window before further tries are refused. */
  maxFailuresPerEmail: number;
  /** Failed sign-ins per client address within the window, across addresses. */
  maxFailuresPerIp: number;
  throttleWindowSeconds: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  accessTtlSeconds: 15 * 60,
  sessionTtlSeconds: 12 * 60 * 60,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 50,
  throttleWindowSeconds: 15 * 60,
};

export interface AuthServices {
  db: Kysely<Database>;
  tokens: TokenService;
  passwords: PasswordHasher;
  now: () => Date;
  settings: AuthSettings;
}
