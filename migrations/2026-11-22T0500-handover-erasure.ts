import { type Kysely, sql } from 'kysely';

// Encrypted media handover (受渡データ) with its chain of custody — handovers by hand (受渡記録),
// storage, take-outs (持出記録), return and hash check — and erasure records (消去の記録) with
// their signed certificates (消去証明書). The server keeps metadata and the SHA-256 of each
// package's ciphertext only: never the password, the plaintext or the ciphertext itself.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table handover_packages (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      -- the contract's contractor when the package was prepared: the organisation holding the media
      recipient_org_id uuid not null references organisations (id),
      title text not null,
      -- [{ subjectGroup, name, direction }], each within the contract's register
      items jsonb not null,
      -- [{ name, sizeBytes, contentType }]: no content, no hash of the plaintext
      files jsonb not null,
      ciphertext_sha256 text not null check (ciphertext_sha256 ~ '^[0-9a-f]{64}$'),
      ciphertext_bytes bigint not null,
      jwe_alg text not null,
      jwe_enc text not null,
      pbes2_count integer not null,
      status text not null check (status in ('prepared', 'media_handed_over', 'password_handed_over',
        'in_custody', 'taken_out', 'returned', 'verified', 'erased', 'withdrawn')),
      -- 保管場所 (施錠できるキャビネット) and the 取扱責任者 holding its key
      storage_place text,
      key_holder_handler_id uuid references handlers (id),
      stored_at timestamptz,
      prepared_by uuid not null references users (id),
      prepared_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index handover_packages_id on handover_packages (id);
    create index handover_packages_contract on handover_packages (ward_id, contract_id, status);
    create index handover_packages_recipient on handover_packages (recipient_org_id);
    create index handover_packages_list on handover_packages (ward_id, prepared_at desc, id);

    -- 受渡記録: every handing over by hand, of the media, of the password notice, and back.
    create table package_handovers (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      package_id uuid not null,
      kind text not null check (kind in ('media', 'password_notice', 'return')),
      handed_at timestamptz not null,
      method text not null check (method = 'by_hand'),
      giver_org_id uuid not null references organisations (id),
      giver_user_id uuid references users (id),
      giver_handler_id uuid references handlers (id),
      giver_name text not null,
      receiver_org_id uuid not null references organisations (id),
      receiver_user_id uuid references users (id),
      receiver_handler_id uuid references handlers (id),
      receiver_name text not null,
      identity_check text not null,
      identity_note text,
      contents text not null,
      recorded_by uuid not null references users (id),
      recorded_at timestamptz not null,
      primary key (ward_id, id),
      foreign key (ward_id, package_id) references handover_packages (ward_id, id),
      check (giver_user_id is not null or giver_handler_id is not null),
      check (receiver_user_id is not null or receiver_handler_id is not null)
    );
    create index package_handovers_package on package_handovers (ward_id, package_id, handed_at);

    -- 持出記録: contents, time out, time back, person, purpose; other purposes need the ward's approval.
    create table package_take_outs (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      package_id uuid not null,
      purpose text not null check (purpose in ('delivery', 'return', 'other')),
      purpose_detail text not null,
      contents text not null,
      handler_id uuid not null references handlers (id),
      status text not null check (status in ('requested', 'approved', 'refused', 'out', 'back', 'returned')),
      requested_by uuid not null references users (id),
      requested_at timestamptz not null,
      decided_by uuid references users (id),
      decided_at timestamptz,
      decision_comment text,
      out_at timestamptz,
      back_at timestamptz,
      back_check text,
      primary key (ward_id, id),
      foreign key (ward_id, package_id) references handover_packages (ward_id, id),
      check (back_at is null or out_at is not null and out_at <= back_at)
    );
    create index package_take_outs_package on package_take_outs (ward_id, package_id, requested_at);

    -- The ward's check of a returned package: the SHA-256 of the file read back from the media.
    create table package_hash_checks (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      package_id uuid not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes bigint not null,
      matches boolean not null,
      checked_by uuid not null references users (id),
      checked_at timestamptz not null,
      primary key (ward_id, id),
      foreign key (ward_id, package_id) references handover_packages (ward_id, id)
    );
    create index package_hash_checks_package on package_hash_checks (ward_id, package_id, checked_at);

    -- 消去の記録: what, how, when, by whom, witnessed by whom, with evidence; by the organisation that
    -- erased (the contractor of the contract or sub-contract), certified once complete.
    create table erasure_records (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      scope text not null check (scope in ('no_longer_needed', 'contract_end')),
      status text not null check (status in ('recorded', 'certified')),
      items jsonb not null,
      package_ids uuid[] not null default '{}',
      media jsonb not null,
      devices jsonb not null,
      paper jsonb not null,
      methods jsonb not null,
      erased_at timestamptz not null,
      performed_by_handler_id uuid not null references handlers (id),
      witnesses jsonb not null,
      evidence_attachment_ids uuid[] not null default '{}',
      note text,
      recorded_by uuid not null references users (id),
      recorded_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index erasure_records_id on erasure_records (id);
    create index erasure_records_contract on erasure_records (ward_id, contract_id, status);
    create index erasure_records_org on erasure_records (organisation_id);
    create index erasure_records_list on erasure_records (ward_id, recorded_at desc, id);

    -- 消去証明書: the canonical content as signed (JWS, ES256) and its SHA-256, never changed.
    create table erasure_certificates (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      erasure_record_id uuid not null,
      fiscal_year integer not null,
      serial integer not null,
      certificate_number text not null,
      -- 提出先: the ward, and for a sub-contractor also the contractor above it
      recipient_org_ids uuid[] not null,
      payload jsonb not null,
      payload_sha256 text not null check (payload_sha256 ~ '^[0-9a-f]{64}$'),
      jws text not null,
      kid text not null,
      issued_by uuid not null references users (id),
      issued_at timestamptz not null,
      primary key (ward_id, id),
      unique (ward_id, erasure_record_id),
      unique (ward_id, fiscal_year, serial),
      foreign key (ward_id, erasure_record_id) references erasure_records (ward_id, id)
    );
    create index erasure_certificates_id on erasure_certificates (id);
    create index erasure_certificates_number on erasure_certificates (certificate_number);
    create index erasure_certificates_hash on erasure_certificates (payload_sha256);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists erasure_certificates, erasure_records, package_hash_checks, package_take_outs,
      package_handovers, handover_packages cascade;
  `.execute(db);
}
