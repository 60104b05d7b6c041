import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import type { Contract } from '../../../domain/contracts/contract.repository.js';
import { listContracts } from '../../../domain/contracts/list-contracts.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { readPackageDownload } from '../../../domain/handover/package-download.js';
import { type PreparedPackage, preparePackage } from '../../../domain/handover/prepare-package.js';
import { readRegister } from '../../../domain/registers/read-register.js';
import type { FieldError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { passwordNoticeMaker } from '../../pdf-documents.js';
import { type FormError, type FormValues, fields, formErrors } from '../components/form.js';
import { refusal } from '../components/form-body.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { ContractChoice, PrepareForm } from './prepare-form.js';
import { Prepared } from './prepared.js';
import { str, strs } from './shared.js';

/** The package a contract would get, as the policy sees it (prepare-package.ts asks the same). */
const packageRecord = (k: Contract) => ({
  wardId: k.wardId,
  recipientOrgId: k.contractorOrgId,
  chainOrgIds: k.chainOrgIds,
});

/** The active contracts (and sub-contracts) the viewer may prepare a package for. */
async function contractsToChoose(c: Context<AppEnv>): Promise<Contract[]> {
  const p = pageCtx(c);
  const page = await listContracts(useCaseContext(c), { status: 'active', limit: 100 });
  return page.items.filter((k) =>
    viewerOf(p).ability.can('create', asSubject('HandoverPackage', packageRecord(k))),
  );
}

async function showForm(c: Context<AppEnv>, values: FormValues, errors: FormError[] = [], status = 200) {
  const p = pageCtx(c);
  const t = p.t.handover;
  const ctx = useCaseContext(c);
  const contractId = str(values.contractId);
  const f = fields(values, errors);
  if (!contractId) {
    const contracts = await contractsToChoose(c);
    return sendPage(
      c,
      <Layout p={p} title={t.prepareTitle}>
        <ContractChoice p={p} f={f} contracts={contracts} />
      </Layout>,
      status,
    );
  }
  const contract = await getContract(ctx, contractId);
  mayDo(c, 'create', 'HandoverPackage', packageRecord(contract));
  const register = await readRegister(ctx, contract.id);
  return sendPage(
    c,
    <Layout p={p} title={t.prepareTitle}>
      <PrepareForm p={p} f={f} contract={contract} doc={register.document} />
    </Layout>,
    status,
  );
}

/** 受渡データの作成: first the contract, then what goes in the package. */
export async function preparePage(c: Context<AppEnv>) {
  const contractId = c.req.query('contractId');
  return showForm(c, contractId ? { contractId } : {});
}

/** The form's own checks, before any encryption: each error beside its field. */
function checkForm(values: FormValues, files: File[]): FieldError[] {
  const errors: FieldError[] = [];
  const title = str(values.title);
  if (!title) errors.push({ path: 'title', message: 'required', message_ja: '件名を入力してください' });
  else if (title.length > 300)
    errors.push({
      path: 'title',
      message: 'at most 300 characters',
      message_ja: '300文字以内で入力してください',
    });
  if (!strs(values.items).length)
    errors.push({
      path: 'items',
      message: 'choose at least one item',
      message_ja: '情報項目を1つ以上選んでください',
    });
  if (!files.length)
    errors.push({
      path: 'files',
      message: 'add at least one file',
      message_ja: 'ファイルを1つ以上指定してください',
    });
  return errors;
}

const toField = (path: string) =>
  path.startsWith('items') ? 'items' : path.startsWith('files') ? 'files' : path;

/**
 * Encrypts the files with preparePackage (the API's use case) and answers the two downloads at
 * once: the password exists only in this answer, so nothing is kept for a later request.
 */
export async function prepareAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const key of ['contractId', 'title', 'items'] as const) {
    const raw = body[key];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    if (list.length) values[key] = list.length === 1 ? list[0] : list;
  }
  const rawFiles = body.files;
  const files = (Array.isArray(rawFiles) ? rawFiles : [rawFiles]).filter(
    (v): v is File => v instanceof File && (v.size > 0 || v.name !== ''),
  );
  if (!str(values.contractId)) return showForm(c, {}, [], 422);
  const contract = await getContract(ctx, str(values.contractId));
  const formErrorsFound = checkForm(values, files);
  if (formErrorsFound.length) return showForm(c, values, formErrors(p, formErrorsFound), 422);

  const register = await readRegister(ctx, contract.id);
  const byKey = new Map(
    register.document.subjectGroups.flatMap((g) =>
      g.items.map((i) => [i.key, { subjectGroup: g.name, name: i.name, direction: i.direction }] as const),
    ),
  );
  const picked = strs(values.items);
  if (picked.some((k) => !byKey.has(k))) {
    const error = {
      path: 'items',
      message: 'an item chosen is not in the register any more',
      message_ja: '選んだ情報項目が契約の情報項目にありません。選び直してください',
    };
    return showForm(c, values, formErrors(p, [error]), 422);
  }
  let prepared: PreparedPackage;
  try {
    prepared = await preparePackage(
      ctx,
      {
        contractId: contract.id,
        title: str(values.title),
        items: picked.map((k) => byKey.get(k)!),
        files: await Promise.all(
          files.map(async (f) => ({
            name: f.name,
            contentType: f.type,
            bytes: new Uint8Array(await f.arrayBuffer()),
          })),
        ),
      },
      passwordNoticeMaker(c),
    );
  } catch (error) {
    const refused = refusal(p, error, toField);
    return showForm(c, values, refused.errors, refused.status);
  }
  return sendPage(c, <PreparedPage p={p} prepared={prepared} />, 201);
}

function PreparedPage({ p, prepared }: { p: PageCtx; prepared: PreparedPackage }) {
  return (
    <Layout p={p} title={p.t.handover.preparedTitle}>
      <Prepared p={p} prepared={prepared} />
    </Layout>
  );
}

/** The package file, as a download, for its preparer for a while after preparing it. */
export async function packageFileDownload(c: Context<AppEnv>) {
  const file = await readPackageDownload(useCaseContext(c), c.req.param('id')!);
  return c.body(file.jwe, 200, {
    'content-type': 'application/jose',
    'content-disposition': `attachment; filename="${file.filename}"`,
    'cache-control': 'no-store',
  });
}
