// Regenerates package-lock.json so that `npm ci` installs on Linux, macOS and Windows alike.
//
// Why: `npm install` run where node_modules exists writes a lock without the platform packages
// other systems need (biome's, workerd's, esbuild's: "Missing: @biomejs/cli-darwin-arm64 from
// lock file" in `npm ci`). Resolving the lock alone, in a folder without node_modules, keeps
// every platform's optional package. The versions already locked stay as they are; what
// package.json adds or changes is resolved from the registry.
//
//   npm run lock:refresh          rewrite package-lock.json (after adding a dependency, or a merge)
//   npm run lock:refresh -- --check   only check that every platform's packages are locked
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = join(root, 'package-lock.json');

/** Optional dependencies (the platform packages) that a locked package names but the lock lacks. */
function missingOptionals(lock) {
  const packages = lock.packages ?? {};
  const missing = [];
  for (const [path, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      // node's lookup: beside the package, then in each enclosing node_modules up to the top
      let dir = path;
      let found = false;
      for (;;) {
        if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) {
          found = true;
          break;
        }
        if (!dir) break;
        const cut = dir.lastIndexOf('/node_modules/');
        dir = cut < 0 ? '' : dir.slice(0, cut);
      }
      if (!found) missing.push(`${name} (for ${path || 'the project'})`);
    }
  }
  return missing;
}

function check() {
  const missing = missingOptionals(JSON.parse(readFileSync(lockPath, 'utf8')));
  if (missing.length) {
    console.error(`package-lock.json lacks ${missing.length} platform packages, e.g.:`);
    for (const m of missing.slice(0, 10)) console.error(`  ${m}`);
    console.error('run `npm run lock:refresh`');
    process.exit(1);
  }
  console.log('package-lock.json: every platform package is locked');
}

if (!process.argv.includes('--check')) {
  const dir = mkdtempSync(join(tmpdir(), 'lock-refresh-'));
  try {
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    if (existsSync(lockPath)) copyFileSync(lockPath, join(dir, 'package-lock.json'));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    copyFileSync(join(dir, 'package-lock.json'), lockPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
check();
