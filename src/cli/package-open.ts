import { PackageOpenError } from '../domain/handover/package-crypto.js';
import { openPackageFile } from './open-package-file.js';

// npm run package:open -- <package-file> [--out <folder>]
// Opens a handover package (受渡データ) with the password from its パスワード通知書. The password
// is typed at a hidden prompt, or read from standard input when that is not a terminal
// (e.g. `npm run package:open -- file.jwe < password.txt`); never from the command line, where
// it would stay in the shell history and the process list.

const USAGE = 'usage: npm run package:open -- <package-file> [--out <folder>]';

async function readPassword(): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  stderr.write('パスワード / Password: ');
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('cancelled / 中止しました'));
          return;
        }
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? args[outIndex + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
if (!file || (outIndex >= 0 && !outDir)) {
  console.error(USAGE);
  process.exit(2);
}
try {
  const opened = await openPackageFile(file, await readPassword(), outDir);
  console.log(`受渡データ / package ${opened.packageId}`);
  console.log(
    `SHA-256 ${opened.sha256}（パスワード通知書の値と一致することを確認してください / compare with the notice）`,
  );
  for (const f of opened.files) console.log(`  ${f.name} (${f.size} bytes)`);
  console.log(`→ ${opened.outDir}`);
} catch (error) {
  const message =
    error instanceof PackageOpenError
      ? error.message
      : `Could not open the package / 受渡データを開けませんでした: ${(error as Error).message}`;
  console.error(message);
  process.exitCode = 1;
}
