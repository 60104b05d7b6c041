/**
 * The distribution value of rows that belong to no ward (the global audit chain, a company
 * user's digest). A sharded PostgreSQL needs a value in the distribution column of every row;
 * ward_id keeps its null, and tenant_ward_id carries this instead (docs/scale-out.md).
 */
export const NIL_WARD_ID = '00000000-0000-0000-0000-000000000000';

/** tenant_ward_id of a row with this ward_id. */
export function tenantWardId(wardId: string | null): string {
  return wardId ?? NIL_WARD_ID;
}
