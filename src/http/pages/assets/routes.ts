import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { APP_CSS } from './app-css.js';
import { APP_JS } from './app-js.js';

/** A short content hash, so a changed file gets a new URL and can be cached for a year. */
function hashOf(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export const CSS_HREF = `/assets/app.css?v=${hashOf(APP_CSS)}`;
export const JS_HREF = `/assets/app.js?v=${hashOf(APP_JS)}`;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const FONTS: Record<string, string> = {
  'noto-sans-jp-400.ttf': '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'noto-sans-jp-700.ttf': '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

/**
 * The pages' own files. The Japanese font is a fallback for systems without one (browsers fetch it
 * only for characters no installed font has); it comes from the npm package the PDFs use, through
 * Node's file system, so a runtime without one answers 404 and the system fonts are used.
 */
export function assetRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/assets/app.css', (c) =>
    c.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': IMMUTABLE }),
  );
  app.get('/assets/app.js', (c) =>
    c.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': IMMUTABLE }),
  );
  app.get('/assets/fonts/:name', async (c) => {
    const module = FONTS[c.req.param('name')];
    if (!module) return c.notFound();
    try {
      const [{ readFile }, { createRequire }] = await Promise.all([
        import('node:fs/promises'),
        import('node:module'),
      ]);
      const bytes = await readFile(createRequire(import.meta.url).resolve(module));
      return c.body(new Uint8Array(bytes), 200, { 'content-type': 'font/ttf', 'cache-control': IMMUTABLE });
    } catch {
      return c.notFound();
    }
  });
  return app;
}
