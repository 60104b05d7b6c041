import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PasswordHasher } from './password-hasher.js';
import type { TokenService } from './token-service.js';

export interface AuthSettings {
  /** Lifetime of an access token (JWT). */
  accessTtlSeconds: number;
  /** A session ends this long after sign-in, however often it is refreshed (one working day). */
  sessionTtlSeconds: number;
  /** Failures for one address from one client before that client must wait (the wait doubles). */
  failuresPerAddressAndClient: number;
  /** The first wait after those failures; each further failure doubles it, up to the window. */
  firstDelaySeconds: number;
  /** Failures from one client across all addresses within the window before it must wait. */
  maxFailuresPerIp: number;
  /**
   * Failures for one address from all clients within the window after which a client that has
   * failed on it must wait; a client that has not may still sign in (NIST SP 800-63B: at most 100).
   */
  failuresPerAddress: number;
  throttleWindowSeconds: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  accessTtlSeconds: 15 * 60,
  sessionTtlSeconds: 12 * 60 * 60,
  failuresPerAddressAndClient: 5,
  firstDelaySeconds: 60,
  maxFailuresPerIp: 50,
  failuresPerAddress: 100,
  throttleWindowSeconds: 15 * 60,
};

export interface AuthServices {
  db: Kysely<Database>;
  tokens: TokenService;
  passwords: PasswordHasher;
  now: () => Date;
  settings: AuthSettings;
}
