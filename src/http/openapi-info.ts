// What the OpenAPI document says of the API as a whole: the conventions every operation shares and
// the time rules of live recording, which otherwise appear only in the refusals that enforce them.

export const API_DESCRIPTION = [
  'The API of the privacy-governance workflow engine (個人情報取扱委託の管理): contracts and their data-item registers, handler lists, sub-contracting approvals, inspections, compliance reports, incidents, encrypted media handover and erasure certificates.',
  '',
  '## Conventions',
  '- Sign in (`POST /api/v1/auth/sign-in`) and send the access token as `Authorization: Bearer …`, or use the session cookie the pages set (a write by cookie also needs the session’s CSRF token in `X-CSRF-Token`).',
  '- Errors are RFC 9457 `application/problem+json` with an English (`title`, `detail`) and a Japanese (`title_ja`, `detail_ja`) message; a 422 lists each refused field in `errors`. 401: not signed in. 403: your role may not take this action on a record you may see. 404: the record does not exist **or you may not see it** (the two answer alike). 409: the version you read is stale, or the workflow refuses the step in its present state (the message says why and, where it applies, whose turn it is). 422: the input is invalid, and nothing was changed.',
  '- Writes to a workflow record need the version you read: `If-Match: "<version>"` or `version` in the body. Every change is one transaction with its audit entry (監査記録).',
  '- `allowedActions` on a record lists the commands you may take on it now; a listed command may still be refused for facts checked when it is taken.',
  '- Lists apply your permissions in the database (most are paged with `limit` and `cursor`): the staff of a municipality see its records, a company its own and those of the sub-contractors below it.',
  '',
  '## Time rules of live recording (記録の日時)',
  'Times are instants with an offset (ISO 8601, e.g. `2026-12-07T10:30:00+09:00`); calendar dates (`YYYY-MM-DD`) are days in Japan time (JST, UTC+9), and the day boundaries, fiscal years (April–March) and six-monthly periods are those of Japan time.',
  '- **No times in the future**: a handover, storage, take-out, return or erasure is recorded after it happened; a time later than the server clock (beyond five minutes of clock skew) is refused (422), and so is an incident discovered in the future or a termination dated in the future.',
  '- **In order**: a custody event of a handover package (受渡し・保管・持出し・返却) may not be earlier than the package’s previous recorded event, and an erasure not earlier than the start of the contract (422).',
  '- **Media first, then the password an hour later or more**: the password notice (パスワード通知書) is handed over by hand on a separate, later occasion than the encrypted media (電磁的媒体) — at least one hour after the media handover; an earlier one is refused (409).',
  '- **On an acknowledged handler list at that instant**: a person named as receiving or holding data (a handler, 取扱者) must be on the organisation’s handler list (取扱責任者及び取扱者の名簿) that the ward had acknowledged by that instant, with an entry in effect on that Japanese calendar day (422 otherwise).',
  'These rules apply to what is recorded live through this API; they are checked against the server clock at the moment of recording.',
].join('\n');
