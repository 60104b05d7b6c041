import { type Kysely, sql } from 'kysely';

// 漏えい等報告 (breach reports to the Personal Information Protection Commission): an incident gets
// the answers that decide whether the municipality must report (the questions of
// forms/breach-reporting, as JSON, with the version of the rules that judged them), the judgment's
// due days of 速報 and 確報 (columns, so that the worklist and the reminders find them in SQL) and the
// days each report and the notice to the people affected (本人通知) were sent.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table incidents
      add column breach_answers jsonb,
      add column breach_rules_version text,
      add column breach_assessed_at timestamptz,
      add column breach_assessed_by uuid references users (id),
      add column breach_report_required boolean not null default false,
      add column preliminary_report_due_on date,
      add column final_report_due_on date,
      add column preliminary_report_sent_on date,
      add column final_report_sent_on date,
      add column persons_notified_on date,
      add constraint incidents_breach_assessed_check
        check ((breach_answers is null) = (breach_rules_version is null)
          and (breach_answers is null) = (breach_assessed_at is null)),
      add constraint incidents_breach_due_check
        check (not breach_report_required
          or (preliminary_report_due_on is not null and final_report_due_on is not null));
    create index incidents_breach_due on incidents (ward_id, final_report_due_on)
      where breach_report_required;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index incidents_breach_due;
    alter table incidents
      drop constraint incidents_breach_due_check,
      drop constraint incidents_breach_assessed_check,
      drop column persons_notified_on, drop column final_report_sent_on,
      drop column preliminary_report_sent_on, drop column final_report_due_on,
      drop column preliminary_report_due_on, drop column breach_report_required,
      drop column breach_assessed_by, drop column breach_assessed_at,
      drop column breach_rules_version, drop column breach_answers`.execute(db);
}
