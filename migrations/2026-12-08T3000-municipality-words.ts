import { type Kysely, sql } from 'kysely';

// Every municipality, not only Tokyo's wards (issue 18): a tenant (organisations.kind = 'ward') is
// a municipality of a kind — 特別区, 市 (政令指定都市 among them), 町, 村, 一部事務組合, 広域連合 — with
// its own word for itself (呼称: 区/市/町/村/組合/連合), the name of its council (null: none named,
// the pages say 審議会) and its ordinance's name, the basis of its reports. Existing tenants were all
// Tokyo's wards: 特別区, 区. Companies and the operator carry none of it.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations
      add column municipality_kind text
        check (municipality_kind in ('special_ward', 'city', 'designated_city', 'town', 'village',
                                     'partial_affairs_association', 'wide_area_union')),
      add column self_word text check (length(self_word) between 1 and 10),
      add column council_name text check (length(council_name) between 1 and 100),
      add column ordinance_name text check (length(ordinance_name) between 1 and 200);
    update organisations set municipality_kind = 'special_ward', self_word = '区' where kind = 'ward';
    alter table organisations add constraint organisations_municipality_check check (
      case when kind = 'ward' then municipality_kind is not null and self_word is not null
           else municipality_kind is null and self_word is null and council_name is null
                and ordinance_name is null end
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations drop constraint organisations_municipality_check;
    alter table organisations drop column municipality_kind, drop column self_word,
      drop column council_name, drop column ordinance_name;
  `.execute(db);
}
