import type { UseCaseContext } from '../shared/context.js';
import { ConflictError } from '../shared/errors.js';
import { runStep } from '../shared/run-step.js';
import { sha256Hex } from '../shared/sha256.js';
import { type CustodyStep, custodyWorkflow } from './custody.workflow.js';
import type { HandoverPackage } from './package.repository.js';

export interface HashCheck {
  id: string;
  sha256: string;
  sizeBytes: number;
  matches: boolean;
  checkedAt: Date;
}

type VerifyInput = { sha256: string; sizeBytes: number };

/**
 * The ward's hash check: every check is recorded; the machine moves a matching one to verified and
 * keeps a mismatching one returned-but-unchecked, so that the contract cannot close on it.
 */
export const verifyCommand: CustodyStep<VerifyInput> = {
  name: 'verify',
  label: { en: 'check the hash of the returned file', ja: 'ハッシュ確認' },
  can: { action: 'update', field: 'verify' },
  event: ({ record, input }) => ({
    type: 'VERIFY',
    hashMatches: !input || input.sha256 === record.ciphertextSha256,
  }),
  apply: async ({ tx, ctx, record: pkg, input, now, auditNote }) => {
    const matches = input.sha256 === pkg.ciphertextSha256;
    await tx
      .insertInto('package_hash_checks')
      .values({
        ward_id: pkg.wardId,
        package_id: pkg.id,
        sha256: input.sha256,
        size_bytes: input.sizeBytes,
        matches,
        checked_by: ctx.actor.userId,
        checked_at: now,
      })
      .execute();
    auditNote.check = {
      sha256: input.sha256,
      expected: pkg.ciphertextSha256,
      sizeBytes: input.sizeBytes,
      matches,
    };
    return {};
  },
  audit: ({ input, record }) => ({
    action:
      input.sha256 === record.ciphertextSha256 ? 'handover_package.verify' : 'handover_package.hash_mismatch',
  }),
};

/**
 * The ward reads the package file back from the returned media and checks its SHA-256 against the
 * one recorded when the package was made. A mismatch is kept on the record and then refused with
 * 409, the package staying returned-but-unchecked.
 */
export async function verifyReturnedPackage(
  ctx: UseCaseContext,
  id: string,
  file: Uint8Array,
  expectedVersion: number,
): Promise<{ package: HandoverPackage; check: HashCheck }> {
  // hashed before the transaction: PGlite has one connection, keep transactions short
  const sha256 = await sha256Hex(file);
  const pkg = await runStep(
    ctx,
    custodyWorkflow,
    verifyCommand,
    id,
    { sha256, sizeBytes: file.length },
    expectedVersion,
  );
  const row = await ctx.db
    .selectFrom('package_hash_checks')
    .select(['id', 'checked_at'])
    .where('ward_id', '=', pkg.wardId)
    .where('package_id', '=', pkg.id)
    .orderBy('checked_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const check = {
    id: row.id,
    sha256,
    sizeBytes: file.length,
    matches: sha256 === pkg.ciphertextSha256,
    checkedAt: row.checked_at,
  };
  if (!check.matches) {
    throw new ConflictError(
      {
        en: 'The returned file does not match the package as handed over (SHA-256 differs); the check is recorded',
        ja: '返却されたファイルが受渡し時のものと一致しません（SHA-256が異なります）。確認結果は記録されました',
      },
      {
        state: pkg.status,
        expectedSha256: pkg.ciphertextSha256,
        actualSha256: sha256,
        checkId: check.id,
        version: pkg.version,
      },
    );
  }
  return { package: pkg, check };
}
