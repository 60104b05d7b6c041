import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

// The browsable API reference: Swagger UI served from the swagger-ui-dist npm package through
// the entry's asset reader, so nothing is fetched from the internet.

const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']);

const page = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API リファレンス / API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  persistAuthorization: false
});`;

// Swagger UI's own files only; it styles its elements inline, so inline styles are allowed (no
// inline script is). Never framed: a framed reference could be used for clickjacking its buttons.
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'none'",
].join('; ');

export function docsRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.html(page, 200, { 'content-security-policy': DOCS_CSP }));
  app.get('/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    const read = c.get('deps').readAsset;
    const asset = ASSETS.has(name) && read ? await read(name) : undefined;
    if (!asset) return c.notFound();
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=86400',
    });
  });
  return app;
}
