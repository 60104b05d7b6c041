// Prepares what the Worker bundle and its static assets need from node_modules, into build/worker/
// (run by wrangler as the [build] command, before every `wrangler dev` and `wrangler deploy`):
//
// - yoga.wasm: react-pdf's layout engine ships its WebAssembly as base64 inside a JavaScript file
//   and compiles it at run time, which Workers forbid ("Wasm code generation disallowed by
//   embedder"). The bytes are written out as a .wasm file, which wrangler uploads precompiled;
//   src/worker/yoga-load.ts hands it to yoga's loader.
// - public/: static assets served before the Worker runs: the Noto Sans JP files (the pages'
//   fallback font, and the PDFs' font, read by the Worker through its ASSETS binding rather than
//   bundled: they are 11 MB) and Swagger UI for /api/docs.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'worker');
const require = createRequire(join(root, 'package.json'));

const yogaDir = dirname(dirname(require.resolve('yoga-layout')));
const factory = readFileSync(join(yogaDir, 'binaries', 'yoga-wasm-base64-esm.js'), 'utf8');
const found = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(factory);
if (!found) throw new Error('yoga-layout: the embedded WebAssembly was not found (has its build changed?)');
const wasm = Buffer.from(found[1], 'base64');
if (!WebAssembly.validate(wasm)) throw new Error('yoga-layout: the embedded WebAssembly does not validate');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'yoga.wasm'), wasm);

const copies = {
  'assets/fonts/noto-sans-jp-400.ttf': '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'assets/fonts/noto-sans-jp-700.ttf': '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  'api/docs/assets/swagger-ui.css': 'swagger-ui-dist/swagger-ui.css',
  'api/docs/assets/swagger-ui-bundle.js': 'swagger-ui-dist/swagger-ui-bundle.js',
  'api/docs/assets/swagger-ui-standalone-preset.js': 'swagger-ui-dist/swagger-ui-standalone-preset.js',
};
for (const [to, from] of Object.entries(copies)) {
  const target = join(out, 'public', to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(require.resolve(from), target);
}
// The same caching the Node server gives these files (src/http/pages/assets/routes.ts, docs.routes.ts).
writeFileSync(
  join(out, 'public', '_headers'),
  [
    '/assets/fonts/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '  X-Content-Type-Options: nosniff',
    '/api/docs/assets/*',
    '  Cache-Control: public, max-age=86400',
    '  X-Content-Type-Options: nosniff',
    '',
  ].join('\n'),
);
console.log(`build/worker: yoga.wasm (${wasm.length} bytes) and ${Object.keys(copies).length} static assets`);
