import { sha256Hex } from '../shared/sha256.js';

// The plaintext of a package (受渡データ) before encryption: several files in one container, so
// that one password and one hash cover them all. Pure and Web-API only: the server packs, the CLI
// (src/cli/package-open.ts) unpacks, and the browser page (package-open-page.ts) mirrors it in
// plain JavaScript.
//
//   "PGPK" | uint8 version (1) | uint32 big-endian manifest length | manifest JSON (UTF-8) | bytes…
//
// The manifest names each file with its content type, size and SHA-256; the bytes follow in the
// same order. The names are inside the encryption, so they tell nothing to whoever finds the USB.

export const CONTAINER_MAGIC = 'PGPK';
export const CONTAINER_VERSION = 1;

export interface PackedFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface ManifestEntry {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  packageId: string;
  files: ManifestEntry[];
}

/** A container that is not one, or whose files do not match their manifest. */
export class ContainerError extends Error {}

export async function packFiles(packageId: string, files: PackedFile[]): Promise<Uint8Array> {
  const manifest: Manifest = { packageId, files: [] };
  for (const f of files) {
    manifest.files.push({
      name: f.name,
      contentType: f.contentType,
      size: f.bytes.length,
      sha256: await sha256Hex(f.bytes),
    });
  }
  const head = new TextEncoder().encode(JSON.stringify(manifest));
  const total = 9 + head.length + files.reduce((n, f) => n + f.bytes.length, 0);
  const out = new Uint8Array(total);
  out.set(new TextEncoder().encode(CONTAINER_MAGIC), 0);
  out[4] = CONTAINER_VERSION;
  new DataView(out.buffer).setUint32(5, head.length);
  out.set(head, 9);
  let offset = 9 + head.length;
  for (const f of files) {
    out.set(f.bytes, offset);
    offset += f.bytes.length;
  }
  return out;
}

/** Splits a container into its files, checking every size and hash against the manifest. */
export async function unpackFiles(
  container: Uint8Array,
): Promise<{ manifest: Manifest; files: PackedFile[] }> {
  const magic = new TextDecoder().decode(container.subarray(0, 4));
  if (container.length < 9 || magic !== CONTAINER_MAGIC || container[4] !== CONTAINER_VERSION) {
    throw new ContainerError('not a package container (unknown format or version)');
  }
  const view = new DataView(container.buffer, container.byteOffset, container.byteLength);
  const headLength = view.getUint32(5);
  if (9 + headLength > container.length) throw new ContainerError('the manifest is cut off');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(container.subarray(9, 9 + headLength)));
  } catch {
    throw new ContainerError('the manifest is not readable');
  }
  if (!Array.isArray(manifest?.files)) throw new ContainerError('the manifest lists no files');
  let offset = 9 + headLength;
  const files: PackedFile[] = [];
  for (const entry of manifest.files) {
    if (!Number.isSafeInteger(entry.size) || entry.size < 0 || offset + entry.size > container.length) {
      throw new ContainerError(`the file ${entry.name} is cut off`);
    }
    const bytes = container.subarray(offset, offset + entry.size);
    if ((await sha256Hex(bytes)) !== entry.sha256) {
      throw new ContainerError(`the file ${entry.name} does not match its SHA-256`);
    }
    files.push({ name: entry.name, contentType: entry.contentType, bytes });
    offset += entry.size;
  }
  if (offset !== container.length) throw new ContainerError('unexpected bytes after the last file');
  return { manifest, files };
}
