// Stands in for 'yoga-layout/load' in the Worker bundle (wrangler.toml [alias]). Yoga's own loader
// compiles its embedded WebAssembly at run time, which Workers forbid; this one gives the
// Emscripten factory the module wrangler uploaded precompiled (build/worker/yoga.wasm, made by
// scripts/build-worker-assets.mjs from the same bytes), through Emscripten's instantiateWasm hook.
// Imported by path: yoga-layout's package exports do not name these files.

import yogaWasm from '../../build/worker/yoga.wasm';
// @ts-expect-error the Emscripten factory ships without type declarations
import loadYogaFactory from '../../node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
import wrapAssembly, { type Yoga } from '../../node_modules/yoga-layout/dist/src/wrapAssembly.js';

export * from '../../node_modules/yoga-layout/dist/src/generated/YGEnums.js';

type Receive = (instance: WebAssembly.Instance) => void;

export async function loadYoga(): Promise<Yoga> {
  const lib = await loadYogaFactory({
    instantiateWasm(imports: WebAssembly.Imports, receive: Receive) {
      WebAssembly.instantiate(yogaWasm, imports).then(receive);
      return {};
    },
  });
  return wrapAssembly(lib);
}
