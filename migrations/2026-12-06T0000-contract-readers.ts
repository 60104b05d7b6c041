import { type Kysely, sql } from 'kysely';

// contract_readers: for each contract, the companies whose users may read it (its contractor once
// given access, and every organisation above it in the chain), with the contract's created_at.
// Why: a company's contract list is "contractor = me and access, or me in chain_org_ids", newest
// first. PostgreSQL cannot read that OR in order from two indexes (one of them GIN), so it fetched
// every match and sorted; for a national company working for every ward that grew with the number
// of wards (the benchmark of issue 9: twice as slow at 10 wards as at 1). Read from
// (org_id, created_at desc, contract_id desc) a page is one index range scan.
// It is an access path, not a permission: the list still applies the CASL rules to each contract,
// so a reader row that should not exist shows nothing, and a missing one hides a row (fails closed).
// Triggers keep it in the same transaction as every change to contracts, whoever writes them.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_readers (
      org_id uuid not null,
      created_at timestamptz not null,
      contract_id uuid not null,
      ward_id uuid not null,
      -- The ward first, as in every tenant-owned key; it also serves the triggers' deletes.
      primary key (ward_id, contract_id, org_id)
    );
    -- A company's rows across wards, in list order: the one index that is not by ward, on purpose.
    create index contract_readers_list on contract_readers (org_id, created_at desc, contract_id desc);

    create function contract_reader_ids(chain uuid[], contractor uuid, access boolean) returns uuid[]
      language sql immutable as $$
        select array(select distinct o from unnest(chain || case when access then array[contractor] else '{}'::uuid[] end) o)
      $$;

    create function contract_readers_sync() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        delete from contract_readers where ward_id = old.ward_id and contract_id = old.id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into contract_readers (org_id, created_at, contract_id, ward_id)
        select o, new.created_at, new.id, new.ward_id
        from unnest(contract_reader_ids(new.chain_org_ids, new.contractor_org_id, new.contractor_access)) o;
      end if;
      return null;
    end
    $$;
    create trigger contract_readers_on_insert after insert on contracts
      for each row execute function contract_readers_sync();
    create trigger contract_readers_on_change
      after update of contractor_org_id, chain_org_ids, contractor_access, created_at, id, ward_id on contracts
      for each row
      when (old.contractor_org_id is distinct from new.contractor_org_id
        or old.chain_org_ids is distinct from new.chain_org_ids
        or old.contractor_access is distinct from new.contractor_access
        or old.created_at is distinct from new.created_at
        or old.id is distinct from new.id
        or old.ward_id is distinct from new.ward_id)
      execute function contract_readers_sync();
    create trigger contract_readers_on_delete after delete on contracts
      for each row execute function contract_readers_sync();

    insert into contract_readers (org_id, created_at, contract_id, ward_id)
    select o, c.created_at, c.id, c.ward_id
    from contracts c, unnest(contract_reader_ids(c.chain_org_ids, c.contractor_org_id, c.contractor_access)) o;
    analyze contract_readers;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger contract_readers_on_insert on contracts;
    drop trigger contract_readers_on_change on contracts;
    drop trigger contract_readers_on_delete on contracts;
    drop function contract_readers_sync;
    drop function contract_reader_ids;
    drop table contract_readers;
  `.execute(db);
}
