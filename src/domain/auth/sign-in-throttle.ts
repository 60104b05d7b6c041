import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { appendAuditEntry } from '../audit/append-audit-entry.js';
import { TooManyRequestsError } from '../shared/errors.js';
import type { AuthServices } from './auth-services.js';

// Sign-in throttling, after OWASP's authentication cheat sheet and NIST SP 800-63B §5.2.2:
// - per (address, client): a few failures free, then the client waits, the wait doubling with each
//   further failure (up to the window) — a slow-down, not a lock-out;
// - per client, across addresses: one client guessing many accounts waits;
// - per address, across clients: past a ceiling, a client that has failed on it waits, but one
//   that has not (the owner at their desk) still signs in, so knowing an address is not enough to
//   keep its owner out.
// Deciding and recording happen in one transaction under advisory locks on the address and the
// client, so concurrent attempts queue and each sees the ones before it: the attempt is recorded
// as a failure *before* the password is checked and turned into a success afterwards.

interface Counts {
  pair_failures: string;
  pair_last: Date | null;
  client_failures: string;
  client_oldest: Date | null;
  address_failures: string;
}

type Limit = 'address-and-client' | 'client' | 'address';

export interface Reservation {
  attemptId: string;
}

/**
 * Records one sign-in attempt for `email` from `ip` as a failure until it succeeds, or refuses it
 * (429, audited) while the address or the client must wait.
 */
export async function reserveSignInAttempt(
  services: Pick<AuthServices, 'db' | 'settings' | 'now'>,
  input: { email: string; ip: string | null; requestId: string | null },
): Promise<Reservation> {
  const { db, settings } = services;
  const now = services.now();
  const { email, ip } = input;
  const outcome = await db.transaction().execute(async (tx) => {
    // Always in the same order (address, then client), so two attempts never wait on each other.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:address:${email}`}, 0))`.execute(tx);
    if (ip)
      await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:client:${ip}`}, 0))`.execute(tx);

    const since = new Date(now.getTime() - settings.throttleWindowSeconds * 1000);
    const counts = (
      await sql<Counts>`
        with pair_success as (
          select coalesce(max(id), 0) as id from sign_in_attempts
          where email = ${email} and ip is not distinct from ${ip} and succeeded
        )
        select
          (select count(*) from sign_in_attempts, pair_success
            where email = ${email} and ip is not distinct from ${ip} and not succeeded
              and at > ${since} and sign_in_attempts.id > pair_success.id) as pair_failures,
          (select max(at) from sign_in_attempts
            where email = ${email} and ip is not distinct from ${ip} and not succeeded and at > ${since}) as pair_last,
          (select count(*) from sign_in_attempts
            where ${ip}::text is not null and ip = ${ip} and not succeeded and at > ${since}) as client_failures,
          (select min(at) from sign_in_attempts
            where ${ip}::text is not null and ip = ${ip} and not succeeded and at > ${since}) as client_oldest,
          (select count(*) from sign_in_attempts
            where email = ${email} and not succeeded and at > ${since}) as address_failures
      `.execute(tx)
    ).rows[0]!;

    const wait = waitFor(counts, settings, now);
    if (wait) {
      await auditThrottled(tx, { email, ip, requestId: input.requestId, now, ...wait });
      return wait;
    }
    const row = await tx
      .insertInto('sign_in_attempts')
      .values({ email, ip, succeeded: false, at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { attemptId: row.id };
  });
  if ('attemptId' in outcome) return outcome;
  const minutes = Math.ceil(outcome.retryAfter / 60);
  throw new TooManyRequestsError(
    {
      en: `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      ja: `ログインの失敗が続いたため、一時的に受け付けを停止しています。約${minutes}分後に再度お試しください`,
    },
    outcome.retryAfter,
  );
}

/** Turns a reserved attempt into a success (in the transaction that opens the session). */
export async function recordSignInSuccess(tx: Transaction<Database>, reservation: Reservation) {
  await tx
    .updateTable('sign_in_attempts')
    .set({ succeeded: true })
    .where('id', '=', reservation.attemptId)
    .execute();
}

/** Records a failure of a later step (the second factor) for the address and client. */
export async function recordSignInFailure(
  services: Pick<AuthServices, 'db' | 'now'>,
  email: string,
  ip: string | null,
): Promise<void> {
  await services.db
    .insertInto('sign_in_attempts')
    .values({ email, ip, succeeded: false, at: services.now() })
    .execute();
}

function waitFor(
  counts: Counts,
  settings: AuthServices['settings'],
  now: Date,
): { retryAfter: number; limit: Limit } | undefined {
  const seconds = (until: number) => Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  const window = settings.throttleWindowSeconds * 1000;

  const pairFailures = Number(counts.pair_failures);
  if (pairFailures >= settings.failuresPerAddressAndClient && counts.pair_last) {
    const extra = pairFailures - settings.failuresPerAddressAndClient;
    const delay = Math.min(window, settings.firstDelaySeconds * 1000 * 2 ** Math.min(extra, 20));
    const until = counts.pair_last.getTime() + delay;
    if (until > now.getTime()) return { retryAfter: seconds(until), limit: 'address-and-client' };
  }
  if (Number(counts.client_failures) >= settings.maxFailuresPerIp && counts.client_oldest) {
    return { retryAfter: seconds(counts.client_oldest.getTime() + window), limit: 'client' };
  }
  // Past the ceiling for the address, only a client that has not failed on it may try.
  if (Number(counts.address_failures) >= settings.failuresPerAddress && counts.pair_last) {
    return { retryAfter: seconds(counts.pair_last.getTime() + window), limit: 'address' };
  }
  return undefined;
}

async function auditThrottled(
  tx: Transaction<Database>,
  input: {
    email: string;
    ip: string | null;
    requestId: string | null;
    now: Date;
    retryAfter: number;
    limit: Limit;
  },
) {
  // In the ward of the account when the address is a ward account's, so that the ward sees who
  // is being guessed; else in the global chain. Nothing of this reaches the caller.
  const wards = await tx
    .selectFrom('users')
    .select('ward_id')
    .distinct()
    .where(sql`lower(email)`, '=', input.email)
    .execute();
  const wardId = wards.length === 1 ? wards[0]!.ward_id : null;
  await appendAuditEntry(tx, {
    wardId,
    actorUserId: null,
    actorOrgId: null,
    action: 'auth.sign_in_throttled',
    subjectType: 'SignIn',
    subjectId: input.email,
    after: { ip: input.ip, limit: input.limit, retryAfterSeconds: input.retryAfter },
    requestId: input.requestId,
    at: input.now,
  });
}
