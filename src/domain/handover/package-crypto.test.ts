import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPackageFile } from '../../cli/open-package-file.js';
import {
  decryptPackage,
  encryptPackage,
  generatePackagePassword,
  MAX_PBES2_COUNT,
  PACKAGE_ALG,
  PACKAGE_ENC,
  PackageOpenError,
  PBES2_COUNT,
} from './package-crypto.js';
import { packFiles, unpackFiles } from './package-format.js';

// Round trips through the package format, with tens of MB, a wrong password and altered files;
// and the opener the recipient runs (npm run package:open), which writes nothing unless it all
// checks out.

const MiB = 1024 * 1024;
let dir: string;

/** Tens of MB without spending the test's time on random numbers: one random block, repeated. */
function bigFile(size: number): Uint8Array {
  const block = crypto.getRandomValues(new Uint8Array(64 * 1024));
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += block.length)
    out.set(block.subarray(0, Math.min(block.length, size - i)), i);
  out[size - 1] = 7;
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'package-open-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('passwords', () => {
  it('are 24 characters of 32 unambiguous ones, in groups of four, and differ every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePackagePassword();
      expect(p).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){5}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

describe('a package of tens of MB', () => {
  const csv = new TextEncoder().encode('撤去日,住所,氏名\n2026-04-01,東京都新宿区西新宿2-8-1,新宿 太郎\n');
  const scan = bigFile(30 * MiB);
  let password: string;
  let jwe: string;
  let sha256: string;

  it('round-trips several files, every byte', async () => {
    password = generatePackagePassword();
    const started = performance.now();
    const encrypted = await encryptPackage(
      'pkg-1',
      [
        { name: '撤去車両所有者一覧.csv', contentType: 'text/csv', bytes: csv },
        { name: '返還請求書スキャン.pdf', contentType: 'application/pdf', bytes: scan },
      ],
      password,
    );
    ({ jwe, sha256 } = encrypted);
    expect(jwe.split('.')).toHaveLength(5);
    expect(encrypted.sizeBytes).toBeGreaterThan(40 * MiB);
    const { manifest, files } = await decryptPackage(jwe, password.toLowerCase().replace(/-/g, ' '));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(manifest.packageId).toBe('pkg-1');
    expect(files.map((f) => f.name)).toEqual(['撤去車両所有者一覧.csv', '返還請求書スキャン.pdf']);
    expect(files[0]!.bytes).toEqual(csv);
    expect(Buffer.compare(files[1]!.bytes, scan)).toBe(0);
  });

  it('is a standard JWE: jose opens it once PBES2 and the count are allowed, and not by default', async () => {
    const header = JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString());
    expect(header).toMatchObject({ alg: PACKAGE_ALG, enc: PACKAGE_ENC, p2c: PBES2_COUNT, pkg: 'pkg-1' });
    const key = new TextEncoder().encode(password.replace(/-/g, ''));
    await expect(compactDecrypt(jwe, key)).rejects.toThrow();
    await expect(compactDecrypt(jwe, key, { keyManagementAlgorithms: [PACKAGE_ALG] })).rejects.toThrow(
      /p2c/i,
    );
  });

  it('refuses a wrong password with a clear message', async () => {
    const error = await decryptPackage(jwe, generatePackagePassword()).catch((e) => e);
    expect(error).toBeInstanceOf(PackageOpenError);
    expect(error.reason).toBe('wrong-password');
    expect(error.message).toContain('パスワードが違う');
  });

  it('refuses an altered ciphertext, and something that is no package', async () => {
    const parts = jwe.split('.');
    const flipped = parts[3]!.startsWith('A') ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    const altered = [parts[0], parts[1], parts[2], flipped, parts[4]].join('.');
    await expect(decryptPackage(altered, password)).rejects.toMatchObject({ reason: 'wrong-password' });
    await expect(decryptPackage('not a package', password)).rejects.toMatchObject({
      reason: 'not-a-package',
    });
  });

  it('refuses an iteration count beyond the cap, so a crafted file cannot keep the opener busy', async () => {
    const crafted = await new CompactEncrypt(
      await packFiles('x', [{ name: 'a', contentType: 'text/plain', bytes: csv }]),
    )
      .setProtectedHeader({ alg: PACKAGE_ALG, enc: PACKAGE_ENC })
      .setKeyManagementParameters({ p2c: MAX_PBES2_COUNT + 1 })
      .encrypt(new TextEncoder().encode('ABCD'))
      .catch(() => null);
    // jose may refuse to make it; either way the opener must refuse to spend the time
    if (crafted)
      await expect(decryptPackage(crafted, 'ABCD')).rejects.toMatchObject({ reason: 'not-a-package' });
  });

  it('opens with the CLI into a new folder, and writes nothing for a wrong password', async () => {
    const file = join(dir, 'package.jwe');
    await writeFile(file, jwe);
    const wrong = await openPackageFile(file, 'WRONG-PASS', join(dir, 'wrong')).catch((e) => e);
    expect(wrong).toBeInstanceOf(PackageOpenError);
    expect(await readdir(dir)).toEqual(['package.jwe']);

    const opened = await openPackageFile(file, password);
    expect(opened).toMatchObject({ packageId: 'pkg-1', sha256, outDir: join(dir, 'package-contents') });
    expect(await readdir(opened.outDir)).toEqual(['撤去車両所有者一覧.csv', '返還請求書スキャン.pdf']);
    expect(Buffer.compare(await readFile(join(opened.outDir, '返還請求書スキャン.pdf')), scan)).toBe(0);
    // never over an existing folder
    await expect(openPackageFile(file, password)).rejects.toThrow(/already exists|既に存在/);
  });
});

describe('npm run package:open', () => {
  const run = (args: string[], input: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/package-open.ts', ...args], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });

  it('reads the password from standard input, says what it wrote, and fails clearly otherwise', async () => {
    const password = generatePackagePassword();
    const { jwe, sha256 } = await encryptPackage(
      'cli',
      [{ name: 'owners.csv', contentType: 'text/csv', bytes: new TextEncoder().encode('氏名\n新宿 太郎\n') }],
      password,
    );
    const file = join(dir, 'cli.jwe');
    await writeFile(file, jwe);
    const wrong = await run([file, '--out', join(dir, 'cli-wrong')], 'AAAA-BBBB\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('パスワードが違う');
    const ok = await run([file, '--out', join(dir, 'cli-out')], `${password}\n`);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(sha256);
    expect(await readFile(join(dir, 'cli-out', 'owners.csv'), 'utf8')).toBe('氏名\n新宿 太郎\n');
    expect((await run([], '')).code).toBe(2);
  });
});

describe('the container', () => {
  it('keeps names inside the encryption and refuses files that do not match the manifest', async () => {
    const packed = await packFiles('p', [
      { name: '../../etc/passwd', contentType: 'text/plain', bytes: new Uint8Array([1, 2, 3]) },
    ]);
    const { files } = await unpackFiles(packed);
    expect(files[0]!.name).toBe('../../etc/passwd');
    packed[packed.length - 1] = 9;
    await expect(unpackFiles(packed)).rejects.toThrow(/SHA-256/);
    await expect(unpackFiles(packed.subarray(0, packed.length - 1))).rejects.toThrow(/cut off/);
  });

  it('writes a hostile name only as a plain file name in the chosen folder', async () => {
    const password = generatePackagePassword();
    const { jwe } = await encryptPackage(
      'p2',
      [{ name: '../escape.txt', contentType: 'text/plain', bytes: new Uint8Array([65]) }],
      password,
    );
    const file = join(dir, 'hostile.jwe');
    await writeFile(file, jwe);
    const opened = await openPackageFile(file, password, join(dir, 'hostile-out'));
    expect(opened.files).toEqual([{ name: 'escape.txt', size: 1 }]);
    expect(await readdir(join(dir, 'hostile-out'))).toEqual(['escape.txt']);
  });
});
