import { type Kysely, sql } from 'kysely';

// Council-summary PDFs rendered in the background (審議会向け集計のPDF作成): a large ward's summary
// takes seconds to minutes to lay out, so the page records the request here, a worker thread
// renders it, and the page refreshes until the file is ready. The summary's figures are kept as
// they were when requested (no residents' data), so the PDF shows what the reviewer saw.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table summary_exports (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      requested_by uuid not null references users (id),
      fiscal_year integer not null,
      department_id uuid,
      format text not null check (format in ('pdf')),
      status text not null check (status in ('pending', 'running', 'ready', 'failed')),
      summary jsonb not null,
      content bytea,
      size_bytes integer,
      requested_at timestamptz not null,
      started_at timestamptz,
      finished_at timestamptz,
      primary key (ward_id, id)
    );
    create index summary_exports_id on summary_exports (id);
    create index summary_exports_queue on summary_exports (status, requested_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table summary_exports`.execute(db);
}
