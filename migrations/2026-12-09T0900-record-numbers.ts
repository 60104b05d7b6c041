import { type Kysely, sql } from 'kysely';

// Human numbers (整理番号) for handover packages and approval applications: 令和 year of the
// fiscal year (April–March, Japan time) + kind + 4 digits, counted per ward per fiscal year, e.g.
// R8-受渡-0012, R8-再委託-0003, R8-委託-0001. The counter row is taken with
// `insert … on conflict do update set last = last + 1 returning last` in the transaction that
// creates the record, so two concurrent creations never get the same number. Existing rows are
// numbered here in the order they were created.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table record_number_counters (
      ward_id uuid not null references organisations (id),
      fiscal_year integer not null,
      kind text not null,
      last integer not null,
      primary key (ward_id, fiscal_year, kind)
    );
    alter table handover_packages add column number text;
    alter table approvals add column number text;

    with fy as (
      select ward_id, id, prepared_at,
        extract(year from (prepared_at at time zone 'UTC') + interval '9 hours' - interval '3 months')::int as fiscal_year
      from handover_packages
    ), numbered as (
      select ward_id, id, fiscal_year,
        row_number() over (partition by ward_id, fiscal_year order by prepared_at, id) as n
      from fy
    )
    update handover_packages p
       set number = 'R' || (numbered.fiscal_year - 2018) || '-受渡-' || lpad(numbered.n::text, 4, '0')
      from numbered
     where p.ward_id = numbered.ward_id and p.id = numbered.id;

    with fy as (
      select ward_id, id, kind, created_at,
        extract(year from (created_at at time zone 'UTC') + interval '9 hours' - interval '3 months')::int as fiscal_year
      from approvals
    ), numbered as (
      select ward_id, id, kind, fiscal_year,
        row_number() over (partition by ward_id, fiscal_year, kind order by created_at, id) as n
      from fy
    )
    update approvals a
       set number = 'R' || (numbered.fiscal_year - 2018) || '-'
         || case numbered.kind when 'subdelegation' then '再委託' else '委託' end
         || '-' || lpad(numbered.n::text, 4, '0')
      from numbered
     where a.ward_id = numbered.ward_id and a.id = numbered.id;

    insert into record_number_counters (ward_id, fiscal_year, kind, last)
    select ward_id,
      extract(year from (prepared_at at time zone 'UTC') + interval '9 hours' - interval '3 months')::int,
      'package', count(*)
      from handover_packages group by 1, 2;
    insert into record_number_counters (ward_id, fiscal_year, kind, last)
    select ward_id,
      extract(year from (created_at at time zone 'UTC') + interval '9 hours' - interval '3 months')::int,
      kind, count(*)
      from approvals group by 1, 2, 3;

    alter table handover_packages alter column number set not null;
    alter table approvals alter column number set not null;
    create unique index handover_packages_number on handover_packages (ward_id, number);
    create unique index approvals_number on approvals (ward_id, number);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index approvals_number;
    drop index handover_packages_number;
    alter table approvals drop column number;
    alter table handover_packages drop column number;
    drop table record_number_counters;
  `.execute(db);
}
