import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { decryptPackage, PackageOpenError } from '../domain/handover/package-crypto.js';
import { sha256Hex } from '../domain/shared/sha256.js';

// What `npm run package:open` does, apart from reading the password: decrypts a package file
// and writes its files into a new folder. Node-only (file system), used by src/cli/package-open.ts.

/** A name from inside the package, made safe to write: no folders, no control characters. */
export function safeFileName(raw: string, index: number): string {
  const name = basename(raw.replace(/\\/g, '/'))
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  return name === '' || name === '.' || name === '..' ? `file-${index + 1}` : name;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export interface OpenedPackage {
  packageId: string;
  sha256: string;
  outDir: string;
  files: Array<{ name: string; size: number }>;
}

/**
 * Decrypts `file` with `password` into `outDir` (default: beside the file, "<name>-contents").
 * Everything is decrypted and checked in memory first and written to a temporary folder renamed
 * into place at the end, so a wrong password, a damaged file or a failed write leaves nothing.
 */
export async function openPackageFile(
  file: string,
  password: string,
  outDir?: string,
): Promise<OpenedPackage> {
  const bytes = new Uint8Array(await readFile(file));
  const target = outDir ?? join(dirname(file), `${basename(file).replace(/\.[^.]*$/, '')}-contents`);
  if (await exists(target)) {
    throw new PackageOpenError(
      'not-a-package',
      `The folder ${target} already exists; nothing was overwritten / 出力先 ${target} が既に存在します（上書きしません）`,
    );
  }
  const { manifest, files } = await decryptPackage(bytes, password);
  const temp = `${target}.partial-${crypto.randomUUID()}`;
  await mkdir(temp, { recursive: true, mode: 0o700 });
  try {
    const written: OpenedPackage['files'] = [];
    const used = new Set<string>();
    for (const [i, f] of files.entries()) {
      let name = safeFileName(f.name, i);
      if (used.has(name)) name = `${i + 1}-${name}`;
      used.add(name);
      await writeFile(join(temp, name), f.bytes, { mode: 0o600, flag: 'wx' });
      written.push({ name, size: f.bytes.length });
    }
    await rename(temp, target);
    return { packageId: manifest.packageId, sha256: await sha256Hex(bytes), outDir: target, files: written };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
