import type { Tx, UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { getPackage } from './read-packages.js';

/** How long the preparer may download the package file again after preparing it. */
export const PACKAGE_DOWNLOAD_HOURS = 1;

/**
 * Keeps the package file (ciphertext only) for its preparer to download as a file, and removes
 * every kept file past its time. In the preparation's own transaction.
 */
export async function keepPackageDownload(
  tx: Tx,
  row: { wardId: string; packageId: string; preparedBy: string; jwe: string },
  now: Date,
): Promise<void> {
  await tx.deleteFrom('package_downloads').where('expires_at', '<=', now).execute();
  await tx
    .insertInto('package_downloads')
    .values({
      ward_id: row.wardId,
      package_id: row.packageId,
      prepared_by: row.preparedBy,
      jwe: row.jwe,
      expires_at: new Date(now.getTime() + PACKAGE_DOWNLOAD_HOURS * 3_600_000),
    })
    .execute();
}

/**
 * The package file for its preparer while it is kept. Anyone else, or after its time, is told
 * the file does not exist (as for a package one may not read).
 */
export async function readPackageDownload(
  ctx: UseCaseContext,
  packageId: string,
): Promise<{ filename: string; jwe: string }> {
  const pkg = await getPackage(ctx, packageId);
  const row = await ctx.db
    .selectFrom('package_downloads')
    .select(['jwe'])
    .where('ward_id', '=', pkg.wardId)
    .where('package_id', '=', pkg.id)
    .where('prepared_by', '=', ctx.actor.userId)
    .where('expires_at', '>', ctx.now())
    .executeTakeFirst();
  if (!row) throw notFound('Package file', '受渡データのファイル');
  return { filename: `package-${pkg.id}.jwe`, jwe: row.jwe };
}
