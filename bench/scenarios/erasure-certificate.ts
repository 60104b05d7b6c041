import type pg from 'pg';
import { companyEmail } from '../data/scale.js';
import type { Session } from '../lib/server.js';
import { signIn } from '../lib/server.js';
import type { BenchWard } from '../lib/wards.js';

// The deletion certificate (消去証明書) to time: a contractor of the ward records, through the API,
// the erasure of three items of an active contract's register and issues the signed certificate,
// as a contractor would at the end of the work; its PDF is then read by the ward's officer.

async function post(base: string, path: string, token: string, json: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  const body = await res.json();
  if (res.status !== 201)
    throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(body).slice(0, 400)}`);
  return body;
}

/** Records and certifies one erasure; returns the certificate PDF's path. */
export async function issueErasureCertificate(
  base: string,
  pool: pg.Pool,
  ward: BenchWard,
  password: string,
): Promise<string> {
  const row = (
    await pool.query(
      `select c.id, c.contractor_org_id, r.document, u.email,
         (select h.id from handlers h where h.organisation_id = c.contractor_org_id order by h.created_at limit 1) as handler_id
       from contracts c
       join register_revisions r on r.ward_id = c.ward_id and r.contract_id = c.id and r.revision = c.register_revision
       join users u on u.organisation_id = c.contractor_org_id and u.roles = '{contractor_manager}'
       where c.ward_id = $1 and c.depth = 1 and c.handles_personal_info and c.status = 'active'
         and u.email like $2
       order by c.created_at desc limit 1`,
      [ward.id, companyEmail(`w${ward.n}-contractor-%`, 'manager')],
    )
  ).rows[0];
  if (!row) throw new Error(`ward ${ward.n} has no active contract of a local company`);
  const contractor: Session = await signIn(base, row.email, password);
  const group = row.document.subjectGroups[0];
  const record = await post(base, '/api/v1/erasures', contractor.accessToken, {
    contractId: row.id,
    scope: 'no_longer_needed',
    items: group.items.slice(0, 3).map((i: { name: string; direction: string }) => ({
      subjectGroup: group.name,
      name: i.name,
      direction: i.direction,
      disposition: 'erased',
    })),
    media: [{ kind: 'usb', description: '暗号化USBメモリ（管理番号 B-001）' }],
    devices: [{ description: '作業用パソコン', serialNumber: 'PC-0001' }],
    methods: [{ method: 'erasure_software', software: 'ベンチ消去ツール 2.1' }],
    erasedAt: new Date(Date.now() - 3600_000).toISOString(),
    performedByHandlerId: row.handler_id,
    witnesses: [{ name: '区 職員', side: 'ward' }],
  });
  await post(base, `/api/v1/erasures/${record.id}/certificate`, contractor.accessToken, {
    version: record.version,
  });
  return `/api/v1/erasures/${record.id}/certificate/pdf`;
}
