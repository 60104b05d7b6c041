import { CompactEncrypt, compactDecrypt, errors } from 'jose';
import { sha256Hex } from '../shared/sha256.js';
import { type Manifest, type PackedFile, packFiles, unpackFiles } from './package-format.js';

// Encryption of a package (受渡データ, seed 003 システム上の対策1: 区が提供する…USBは暗号化する).
//
// JWE compact serialisation, PBES2-HS512+A256KW with A256GCM: a random content key encrypts the
// data (AES-256-GCM, authenticated), and is itself wrapped with a key derived from the password
// (PBKDF2-HMAC-SHA512). One standard format that jose (CLI) and Web Crypto (browser page) both
// open, with no key to keep: the password travels on paper, by hand, on another occasion.
//
// The password is generated here, 24 characters from a 32-letter alphabet without look-alikes
// (0/O, 1/I/L): 120 bits of entropy, typed by hand from the printed notice, in groups of four.
//
// Iteration count: 210,000 — OWASP's figure for PBKDF2-HMAC-SHA512 (Password Storage Cheat
// Sheet). With a 120-bit random password the count is not what stops a brute force; it is kept at
// the guidance anyway so that the format stays sound if the password policy is ever loosened. It
// costs about 0.15 s per encryption or decryption. jose refuses more than 10,000 on decrypt unless
// maxPBES2Count is raised, so both openers raise it — to MAX_PBES2_COUNT, not without bound: a
// crafted header with a huge count would otherwise keep the opener busy for hours.

export const PACKAGE_ALG = 'PBES2-HS512+A256KW';
export const PACKAGE_ENC = 'A256GCM';
export const PBES2_COUNT = 210_000;
export const MAX_PBES2_COUNT = 1_000_000;
/** The content type in the JWE header, so that openers recognise a package. */
export const PACKAGE_CTY = 'application/vnd.privacy-governance.package';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PASSWORD_LENGTH = 24;

/** A fresh password, e.g. "K7QW-3MZP-…" (6 groups of 4). */
export function generatePackagePassword(): string {
  // 32 letters: a random byte modulo 32 is exactly uniform.
  const bytes = crypto.getRandomValues(new Uint8Array(PASSWORD_LENGTH));
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]);
  return Array.from({ length: PASSWORD_LENGTH / 4 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join(
    '-',
  );
}

/** What is keyed in: spaces, hyphens and letter case do not matter. */
export function normalisePassword(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export interface EncryptedPackage {
  /** The package file as written to the USB stick: the JWE compact serialisation (ASCII). */
  jwe: string;
  /** SHA-256 of the package file's bytes, printed on the notice and checked on return. */
  sha256: string;
  sizeBytes: number;
}

export async function encryptPackage(
  packageId: string,
  files: PackedFile[],
  password: string,
): Promise<EncryptedPackage> {
  const plaintext = await packFiles(packageId, files);
  const jwe = await new CompactEncrypt(plaintext)
    .setProtectedHeader({ alg: PACKAGE_ALG, enc: PACKAGE_ENC, cty: PACKAGE_CTY, pkg: packageId })
    .setKeyManagementParameters({ p2c: PBES2_COUNT })
    .encrypt(new TextEncoder().encode(normalisePassword(password)));
  plaintext.fill(0);
  const bytes = new TextEncoder().encode(jwe);
  return { jwe, sha256: await sha256Hex(bytes), sizeBytes: bytes.length };
}

export type OpenFailure = 'wrong-password' | 'not-a-package' | 'damaged';

/** A package that cannot be opened, with a message for the person trying. */
export class PackageOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<OpenFailure, string> = {
  'wrong-password':
    'The password is wrong (or the file was altered) / パスワードが違うか、ファイルが改変されています',
  'not-a-package': 'This is not a package file / 受渡データのファイルではありません',
  damaged: 'The package is damaged / 受渡データが破損しています',
};

/** Decrypts and unpacks a package file; nothing is returned unless every file checks out. */
export async function decryptPackage(
  file: string | Uint8Array,
  password: string,
): Promise<{ manifest: Manifest; files: PackedFile[] }> {
  const jwe = typeof file === 'string' ? file : new TextDecoder().decode(file);
  let plaintext: Uint8Array;
  try {
    ({ plaintext } = await compactDecrypt(jwe.trim(), new TextEncoder().encode(normalisePassword(password)), {
      keyManagementAlgorithms: [PACKAGE_ALG],
      contentEncryptionAlgorithms: [PACKAGE_ENC],
      maxPBES2Count: MAX_PBES2_COUNT,
    }));
  } catch (error) {
    // AES key unwrap fails its integrity check when the derived key is wrong.
    if (error instanceof errors.JWEDecryptionFailed) {
      throw new PackageOpenError('wrong-password', MESSAGES['wrong-password']);
    }
    throw new PackageOpenError('not-a-package', MESSAGES['not-a-package']);
  }
  try {
    return await unpackFiles(plaintext);
  } catch {
    throw new PackageOpenError('damaged', MESSAGES.damaged);
  }
}
