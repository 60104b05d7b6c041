import { sql } from 'kysely';
import type { Actor } from '../../../policies/actor.js';
import {
  commonWords,
  type MunicipalityColumns,
  type MunicipalityWords,
  municipalityWords,
} from '../organisations/municipality-words.js';
import type { AuthServices } from './auth-services.js';
import { actorQuery, toActor } from './load-actor.js';

export interface Authenticated {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  /** The primary's WAL position after this session's last write, when a read replica is in use. */
  writtenLsn: string | null;
  user: { email: string; displayName: string; organisationName: string };
  /**
   * How texts speak of the user's municipality (区, 市, …): their own for its staff; for a company,
   * those of the municipalities it works for where they all speak alike (neutral otherwise).
   */
  words: MunicipalityWords;
}

/**
 * Resolves an access token to the acting user. The session row is read on every request so that
 * sign-out and revocation take effect at once, not when the token expires.
 */
export async function authenticate(
  services: Pick<AuthServices, 'db' | 'tokens' | 'now'>,
  accessToken: string,
): Promise<Authenticated | null> {
  const now = services.now();
  const claims = await services.tokens.verifyAccessToken(accessToken, now);
  if (!claims) return null;
  const row = await actorQuery(services.db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.written_lsn'])
    .select([
      'organisations.municipality_kind',
      'organisations.self_word',
      'organisations.council_name',
      'organisations.ordinance_name',
      'organisations.head_title',
      'organisations.report_body_name',
      // a company's municipalities: read only for companies (one index lookup)
      sql<MunicipalityColumns[] | null>`case when organisations.kind = 'company' then (
        select json_agg(json_build_object('municipality_kind', w.municipality_kind,
          'self_word', w.self_word, 'council_name', w.council_name, 'ordinance_name', w.ordinance_name,
          'head_title', w.head_title, 'report_body_name', w.report_body_name))
        from ward_companies wc join organisations w on w.id = wc.ward_id
        where wc.company_id = organisations.id) end`.as('linked_words'),
    ])
    .where('sessions.id', '=', claims.sid)
    .where('users.id', '=', claims.sub)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    actor: toActor(row),
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    writtenLsn: row.written_lsn,
    user: { email: row.email, displayName: row.display_name, organisationName: row.organisation_name },
    words:
      row.organisation_kind === 'company'
        ? commonWords((row.linked_words ?? []).map(municipalityWords))
        : municipalityWords(row),
  };
}
