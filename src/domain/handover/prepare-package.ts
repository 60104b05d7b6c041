import { cleanFilename } from '../attachments/upload-attachment.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { getContract } from '../contracts/manage-contracts.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
import { allocateRecordNumber } from '../shared/record-numbers.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { custodyWorkflow } from './custody.workflow.js';
import { findPackage, type HandoverPackage, type PackageItem } from './package.repository.js';
import {
  encryptPackage,
  generatePackagePassword,
  PACKAGE_ALG,
  PACKAGE_ENC,
  PBES2_COUNT,
} from './package-crypto.js';
import { keepPackageDownload } from './package-download.js';
import type { PackedFile } from './package-format.js';
import { checkItemsInRegister } from './package-items.js';
import { gatherPasswordNotice, type PasswordNoticeData } from './password-notice.js';

/** Tens of MB of plaintext (a few years of 撤去車両所有者 records with scans fit easily). */
export const MAX_PACKAGE_PLAINTEXT_BYTES = 40 * 1024 * 1024;
export const MAX_PACKAGE_FILES = 20;

export interface PrepareInput {
  contractId: string;
  title: string;
  items: PackageItem[];
  files: PackedFile[];
}

/**
 * How the password notice is made: the domain gathers what it shows (password-notice.ts), the
 * caller draws it (src/pdf), so the domain stays free of the drawing.
 */
export interface PasswordNoticeMaker {
  /** Where the recipient can open the package in a browser, printed on the notice. */
  openPageUrl: string;
  render: (data: PasswordNoticeData) => Promise<Uint8Array>;
}

export interface PreparedPackage {
  package: HandoverPackage;
  /** Shown once, here, and printed on the notice; never stored anywhere. */
  password: string;
  /** The package file (JWE compact serialisation) to write to the USB stick. */
  jwe: string;
  /** The パスワード通知書 PDF, with the password, made in the same response. */
  passwordNotice: Uint8Array;
}

function checkFiles(files: PackedFile[]): PackedFile[] {
  const invalid = (message: string, message_ja: string) =>
    new ValidationError({ en: 'The files are not valid', ja: 'ファイルに誤りがあります' }, [
      { path: 'files', message, message_ja },
    ]);
  if (files.length === 0) throw invalid('add at least one file', 'ファイルを1つ以上指定してください');
  if (files.length > MAX_PACKAGE_FILES)
    throw invalid(`at most ${MAX_PACKAGE_FILES} files`, `ファイルは${MAX_PACKAGE_FILES}個までです`);
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_PACKAGE_PLAINTEXT_BYTES)
    throw invalid('at most 40 MiB in all', 'ファイルの合計は40MiBまでです');
  const seen = new Set<string>();
  return files.map((f) => {
    const name = cleanFilename(f.name);
    if (seen.has(name)) throw invalid(`${name} is given twice`, `${name}が重複しています`);
    seen.add(name);
    if (f.bytes.length === 0) throw invalid(`${name} is empty`, `${name}が空です`);
    return { ...f, name, contentType: f.contentType || 'application/octet-stream' };
  });
}

/**
 * The privacy officer prepares a package (受渡データ) for a contract or sub-contract: the items
 * must be within its register; the files are encrypted into one package with a fresh password.
 * Only the metadata and the SHA-256 of the ciphertext are stored. The password reaches the
 * officer once, in this answer, together with the printable notice made from it: the server could
 * not print it again later, so a lost notice means withdrawing the package and preparing a new one.
 */
export async function preparePackage(
  ctx: UseCaseContext,
  input: PrepareInput,
  notice: PasswordNoticeMaker,
): Promise<PreparedPackage> {
  const contract = await getContract(ctx, input.contractId);
  authorize(ctx.ability, 'create', 'HandoverPackage', {
    wardId: contract.wardId,
    recipientOrgId: contract.contractorOrgId,
    chainOrgIds: contract.chainOrgIds,
  });
  checkContractAllows(contract, { type: 'HAND_OVER_DATA' });
  await checkItemsInRegister(ctx.db, contract, input.items);
  const files = checkFiles(input.files);

  // Encrypt and gather the notice before the transaction: PGlite has one connection, keep it short;
  // and a failure here leaves nothing behind.
  const id = crypto.randomUUID();
  const password = generatePackagePassword();
  const encrypted = await encryptPackage(id, files, password);
  const now = ctx.now();
  const draft: HandoverPackage = {
    id,
    number: '', // taken in the transaction below
    wardId: contract.wardId,
    contractId: contract.id,
    recipientOrgId: contract.contractorOrgId,
    chainOrgIds: contract.chainOrgIds,
    title: input.title.trim(),
    items: input.items.map((i) => ({
      subjectGroup: i.subjectGroup.trim(),
      name: i.name.trim(),
      direction: i.direction,
    })),
    files: files.map((f) => ({ name: f.name, sizeBytes: f.bytes.length, contentType: f.contentType })),
    ciphertextSha256: encrypted.sha256,
    ciphertextBytes: encrypted.sizeBytes,
    jweAlg: PACKAGE_ALG,
    jweEnc: PACKAGE_ENC,
    pbes2Count: PBES2_COUNT,
    status: 'prepared',
    storagePlace: null,
    keyHolderHandlerId: null,
    storedAt: null,
    preparedBy: ctx.actor.userId,
    preparedAt: now,
    updatedAt: now,
    version: 1,
    machine: { id: custodyWorkflow.machine.id, version: custodyWorkflow.version },
  };
  const noticeData = await gatherPasswordNotice(ctx.db, draft, password, notice.openPageUrl);

  let passwordNotice: Uint8Array | undefined;
  const created = await inTransaction(ctx, async ({ tx, audit }) => {
    // The number is taken here so that two concurrent preparations never share one; the notice
    // that prints it is drawn here too (no database work), so a failed drawing keeps no package.
    const number = await allocateRecordNumber(tx, draft.wardId, 'package', now);
    passwordNotice = await notice.render({ ...noticeData, packageNumber: number });
    await tx
      .insertInto('handover_packages')
      .values({
        ward_id: draft.wardId,
        id,
        number,
        contract_id: draft.contractId,
        recipient_org_id: draft.recipientOrgId,
        title: draft.title,
        items: JSON.stringify(draft.items),
        files: JSON.stringify(draft.files),
        ciphertext_sha256: draft.ciphertextSha256,
        ciphertext_bytes: draft.ciphertextBytes,
        jwe_alg: draft.jweAlg,
        jwe_enc: draft.jweEnc,
        pbes2_count: draft.pbes2Count,
        status: 'prepared',
        ...machineColumns(custodyWorkflow),
        prepared_by: draft.preparedBy,
        prepared_at: now,
        updated_at: now,
      })
      .execute();
    await keepPackageDownload(
      tx,
      { wardId: draft.wardId, packageId: id, preparedBy: ctx.actor.userId, jwe: encrypted.jwe },
      now,
    );
    const saved = (await findPackage(tx, id))!;
    await audit({
      wardId: saved.wardId,
      action: 'handover_package.prepare',
      subjectType: 'HandoverPackage',
      subjectId: id,
      after: saved,
    });
    return saved;
  });
  return { package: created, password, jwe: encrypted.jwe, passwordNotice: passwordNotice! };
}
