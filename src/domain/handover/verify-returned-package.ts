import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import { authorizeStep, decideStep, saveState } from './custody-steps.js';
import { findPackage, type HandoverPackage } from './package.repository.js';

export interface HashCheck {
  id: string;
  sha256: string;
  sizeBytes: number;
  matches: boolean;
  checkedAt: Date;
}

/**
 * The ward reads the package file back from the returned media and checks its SHA-256 against the
 * one recorded when the package was made. Every check is recorded; a match completes the return
 * (verified), a mismatch is kept on the record and then refused with 409, the package staying
 * returned-but-unchecked so that the contract cannot close on it.
 */
export async function verifyReturnedPackage(
  ctx: UseCaseContext,
  id: string,
  file: Uint8Array,
  expectedVersion: number,
): Promise<{ package: HandoverPackage; check: HashCheck }> {
  // hashed before the transaction: PGlite has one connection, keep transactions short
  const sha256 = await sha256Hex(file);
  const result = await inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'verify');
    const matches = sha256 === pkg.ciphertextSha256;
    // the machine must allow a check at all (the package is back), whatever its outcome
    const next = decideStep(pkg, { type: 'VERIFY', hashMatches: true }, expectedVersion);
    const now = ctx.now();
    const row = await tx
      .insertInto('package_hash_checks')
      .values({
        ward_id: pkg.wardId,
        package_id: pkg.id,
        sha256,
        size_bytes: file.length,
        matches,
        checked_by: ctx.actor.userId,
        checked_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveState(tx, ctx, pkg, matches ? next : pkg.status);
    await audit({
      wardId: pkg.wardId,
      action: matches ? 'handover_package.verify' : 'handover_package.hash_mismatch',
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { status: pkg.status, version: pkg.version },
      after: {
        status: matches ? next : pkg.status,
        version: pkg.version + 1,
        check: { sha256, expected: pkg.ciphertextSha256, sizeBytes: file.length, matches },
      },
    });
    return {
      package: (await findPackage(tx, pkg.id))!,
      check: { id: row.id, sha256, sizeBytes: file.length, matches, checkedAt: now },
    };
  });
  if (!result.check.matches) {
    throw new ConflictError(
      {
        en: 'The returned file does not match the package as handed over (SHA-256 differs); the check is recorded',
        ja: '返却されたファイルが受渡し時のものと一致しません（SHA-256が異なります）。確認結果は記録されました',
      },
      {
        state: result.package.status,
        expectedSha256: result.package.ciphertextSha256,
        actualSha256: sha256,
        checkId: result.check.id,
        version: result.package.version,
      },
    );
  }
  return result;
}
