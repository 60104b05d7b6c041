// Modules that wrangler bundles by rule (wrangler.toml [[rules]] and its defaults).
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
