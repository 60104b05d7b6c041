// Runs the project's wrangler on a Node it supports (22.12 or newer). On an older Node (the
// project itself supports 20.19+), it uses the Node 22 that .ci/run installs from the npm registry
// (.ci/node-versions), or the binary in WRANGLER_NODE. Nothing is fetched from the internet: the
// Request.cf lookup and telemetry are off; workerd comes from its npm package.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major > 22 || (major === 22 && minor >= 12);
const bundled = join(root, '.ci', 'node-versions', 'node_modules', 'node22', 'bin', 'node');
const node =
  process.env.WRANGLER_NODE || (supported ? process.execPath : existsSync(bundled) ? bundled : null);
if (!node) {
  console.error(
    `wrangler needs Node 22.12 or newer (this is ${process.version}): install it, or run ` +
      '`npm ci --prefix .ci/node-versions` for the Node 22 that CI uses, or set WRANGLER_NODE.',
  );
  process.exit(1);
}
const wrangler = join(
  dirname(createRequire(join(root, 'package.json')).resolve('wrangler/package.json')),
  'bin',
  'wrangler.js',
);
const child = spawn(node, [wrangler, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    // the build command and anything wrangler spawns run on the same Node
    PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`,
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
