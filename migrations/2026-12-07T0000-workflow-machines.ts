import { type Kysely, sql } from 'kysely';

// Every workflow record stores which machine wrote its snapshot (the state in `status` and the
// context in its columns): the machine's id and version. A server reads only snapshots its own
// machines can read — an older version through the workflow's registered upgrades — and refuses
// the others instead of misreading them. Existing rows were written by version 1 of each machine.
// No defaults remain: every insert names its machine.

const TABLES: Array<[table: string, machine: string]> = [
  ['contracts', 'contract-lifecycle'],
  ['approvals', 'approval'],
  ['inspections', 'inspection'],
  ['inspection_findings', 'finding'],
  ['compliance_reports', 'compliance-report'],
  ['incidents', 'incident'],
  ['handover_packages', 'custody'],
  ['package_take_outs', 'take-out'],
  ['handler_list_submissions', 'handler-list'],
  ['erasure_records', 'erasure'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, machine] of TABLES) {
    await sql`
      alter table ${sql.table(table)}
        add column machine_id text not null default ${sql.lit(machine)}
          check (machine_id = ${sql.lit(machine)}),
        add column machine_version integer not null default 1 check (machine_version >= 1);
      alter table ${sql.table(table)}
        alter column machine_id drop default,
        alter column machine_version drop default`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of TABLES) {
    await sql`alter table ${sql.table(table)} drop column machine_id, drop column machine_version`.execute(
      db,
    );
  }
}
