import { type Kysely, sql } from 'kysely';

// On-site inspections (実地検査): a ward's own versions of the checklist templates, inspections of
// one organisation in a contract's chain with their items answered one by one, findings (指摘事項)
// with their agreed improvement deadline, the sign-off steps (決裁), and monitoring reports
// (業務委託モニタリング報告書) with the financial checksheet. Deadlines are columns (due_on), so a
// scheduler can find what is late; nothing here waits on a timer.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- A ward's version of a standard template (the standard, version 1, lives in forms/).
    create table checklist_templates (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      key text not null,
      version integer not null check (version >= 2),
      definition jsonb not null,
      note text,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      primary key (ward_id, id),
      unique (ward_id, key, version)
    );
    create index checklist_templates_id on checklist_templates (id);

    create table inspections (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      -- the contract whose contractor is inspected: a sub-contract (depth >= 2) for a sub-contractor
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      template_key text not null,
      template_version integer not null,
      -- only 'privacy' inspections count as the yearly inspection (年1回以上の実地検査)
      purpose text not null check (purpose in ('privacy', 'performance', 'labour', 'contracting')),
      -- the template as it applied to this organisation: what was asked stays as it was asked
      template jsonb not null,
      applicability jsonb not null,
      fiscal_year integer not null,
      planned_on date not null,
      place text,
      inspector_id uuid not null references users (id),
      assistant_ids uuid[] not null default '{}',
      status text not null check (status in ('planned', 'in_progress', 'submitted', 'signed_off', 'cancelled')),
      chain text[] not null default '{}',
      step integer not null default 0,
      started_at timestamptz,
      submitted_at timestamptz,
      signed_off_at timestamptz,
      created_by uuid references users (id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index inspections_id on inspections (id);
    create index inspections_contract on inspections (ward_id, contract_id, organisation_id, fiscal_year, status);
    create index inspections_list on inspections (ward_id, created_at desc, id desc);
    create index inspections_organisation on inspections (organisation_id, created_at desc, id desc);

    -- One row per applicable item, saved one by one (a phone may reload at any time).
    create table inspection_items (
      ward_id uuid not null,
      inspection_id uuid not null,
      item_key text not null,
      position integer not null,
      result text check (result in ('ok', 'ng', 'na', 'partial')),
      checked_on date,
      observation text,
      photo_ids uuid[] not null default '{}',
      remote_method text check (remote_method in ('video', 'photos')),
      recheck_on date,
      recheck_result text check (recheck_result in ('ok', 'ng')),
      recheck_note text,
      recorded_by uuid references users (id),
      recorded_at timestamptz,
      version integer not null default 1,
      primary key (ward_id, inspection_id, item_key),
      foreign key (ward_id, inspection_id) references inspections (ward_id, id),
      check ((result is null) = (checked_on is null))
    );

    create table inspection_findings (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      inspection_id uuid not null,
      item_key text not null,
      -- the inspected organisation, for the policies (its managers write improvement reports)
      organisation_id uuid not null references organisations (id),
      status text not null check (status in ('open', 'reported', 'closed', 'carried', 'withdrawn')),
      observation text not null,
      -- 改善期限: agreed with the contractor; a scheduler reads it, no timer holds it
      due_on date not null,
      improvement_report text,
      improvement_attachment_ids uuid[] not null default '{}',
      reported_by uuid references users (id),
      reported_at timestamptz,
      carried_reason text,
      carried_by uuid references users (id),
      closed_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, inspection_id, item_key) references inspection_items (ward_id, inspection_id, item_key)
    );
    create index inspection_findings_id on inspection_findings (id);
    create index inspection_findings_inspection on inspection_findings (ward_id, inspection_id);
    create index inspection_findings_due on inspection_findings (ward_id, due_on) where status in ('open', 'reported');
    create index inspection_findings_organisation on inspection_findings (organisation_id, created_at desc, id desc);
    -- at most one live finding per item
    create unique index inspection_findings_live on inspection_findings (ward_id, inspection_id, item_key)
      where status <> 'withdrawn';

    create table inspection_steps (
      ward_id uuid not null,
      inspection_id uuid not null,
      seq integer not null,
      role text not null,
      decision text not null check (decision in ('start', 'cancel', 'submit', 'approve', 'send_back')),
      comment text,
      user_id uuid references users (id),
      at timestamptz not null,
      primary key (ward_id, inspection_id, seq),
      foreign key (ward_id, inspection_id) references inspections (ward_id, id)
    );

    create table monitoring_reports (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      fiscal_year integer not null,
      hearing_on date not null,
      ratings jsonb not null default '{}'::jsonb,
      comments jsonb not null default '{}'::jsonb,
      overall text,
      improvements text,
      financials jsonb,
      financial_grade text check (financial_grade in ('S', 'A', 'B', 'C')),
      created_by uuid references users (id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index monitoring_reports_id on monitoring_reports (id);
    create index monitoring_reports_list on monitoring_reports (ward_id, created_at desc, id desc);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists monitoring_reports, inspection_steps, inspection_findings, inspection_items,
      inspections, checklist_templates cascade;
  `.execute(db);
}
