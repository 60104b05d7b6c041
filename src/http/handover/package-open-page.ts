import { MAX_PBES2_COUNT, PACKAGE_ALG, PACKAGE_ENC } from '../../domain/handover/package-crypto.js';
import { CONTAINER_MAGIC, CONTAINER_VERSION } from '../../domain/handover/package-format.js';
import { selfContainedPage } from './self-contained-page.js';

// 受渡データの復号ページ: opens a package in the browser with Web Crypto. The page is one HTML
// document with its script inline; its Content-Security-Policy allows that script and no network
// access at all (connect-src 'none'), so neither the file nor the password can leave the browser.
// The script mirrors src/domain/handover/package-crypto.ts (JWE PBES2-HS512+A256KW / A256GCM)
// and package-format.ts (the PGPK container); the browser test proves they agree.

const SCRIPT = `
'use strict';
const ALG = ${JSON.stringify(PACKAGE_ALG)}, ENC = ${JSON.stringify(PACKAGE_ENC)};
const MAX_P2C = ${MAX_PBES2_COUNT}, MAGIC = ${JSON.stringify(CONTAINER_MAGIC)}, VERSION = ${CONTAINER_VERSION};
const $ = (id) => document.getElementById(id);
const te = new TextEncoder(), td = new TextDecoder();
function b64u(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
async function sha256(bytes) {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}
class OpenError extends Error {}
async function decrypt(jwe, typed) {
  const parts = jwe.trim().split('.');
  if (parts.length !== 5) throw new OpenError('受渡データのファイルではありません / This is not a package file');
  let header;
  try { header = JSON.parse(td.decode(b64u(parts[0]))); } catch { throw new OpenError('受渡データのファイルではありません / This is not a package file'); }
  if (header.alg !== ALG || header.enc !== ENC || typeof header.p2s !== 'string') throw new OpenError('対応していない暗号方式です / Unsupported encryption');
  if (!Number.isInteger(header.p2c) || header.p2c < 1000 || header.p2c > MAX_P2C) throw new OpenError('反復回数が範囲外です / Iteration count out of range');
  const password = typed.toUpperCase().replace(/[\\s-]/g, '');
  const salt = new Uint8Array([...te.encode(ALG), 0, ...b64u(header.p2s)]);
  const base = await crypto.subtle.importKey('raw', te.encode(password), 'PBKDF2', false, ['deriveKey']);
  const kek = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-512', salt, iterations: header.p2c }, base, { name: 'AES-KW', length: 256 }, false, ['unwrapKey']);
  let cek;
  try {
    cek = await crypto.subtle.unwrapKey('raw', b64u(parts[1]), kek, 'AES-KW', { name: 'AES-GCM' }, false, ['decrypt']);
  } catch { throw new OpenError('パスワードが違うか、ファイルが改変されています / The password is wrong (or the file was altered)'); }
  const ct = b64u(parts[3]), tag = b64u(parts[4]);
  const sealed = new Uint8Array(ct.length + tag.length); sealed.set(ct); sealed.set(tag, ct.length);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: b64u(parts[2]), additionalData: te.encode(parts[0]), tagLength: 128 }, cek, sealed));
  } catch { throw new OpenError('受渡データが破損しています / The package is damaged'); }
}
async function unpack(c) {
  const damaged = () => new OpenError('受渡データが破損しています / The package is damaged');
  if (c.length < 9 || td.decode(c.subarray(0, 4)) !== MAGIC || c[4] !== VERSION) throw damaged();
  const n = new DataView(c.buffer, c.byteOffset, c.byteLength).getUint32(5);
  let manifest;
  try { manifest = JSON.parse(td.decode(c.subarray(9, 9 + n))); } catch { throw damaged(); }
  let off = 9 + n; const files = [];
  for (const e of manifest.files) {
    if (!Number.isSafeInteger(e.size) || off + e.size > c.length) throw damaged();
    const bytes = c.slice(off, off + e.size); off += e.size;
    const hash = await sha256(bytes);
    if (hash !== e.sha256) throw damaged();
    files.push({ name: String(e.name), type: String(e.contentType || 'application/octet-stream'), bytes, hash });
  }
  if (off !== c.length) throw damaged();
  return { manifest, files };
}
function show(kind, text) { const m = $('message'); m.className = kind; m.textContent = text; }
$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('file').files[0];
  $('result').replaceChildren(); $('package').textContent = '';
  if (!file) { show('error', 'ファイルを選んでください / Choose the package file'); return; }
  show('busy', '復号しています… / Decrypting…');
  try {
    const raw = new Uint8Array(await file.arrayBuffer());
    $('package').textContent = 'SHA-256: ' + await sha256(raw);
    const { manifest, files } = await unpack(await decrypt(td.decode(raw), $('password').value));
    for (const f of files) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([f.bytes], { type: f.type }));
      a.download = f.name; a.textContent = f.name;
      const meta = document.createElement('span');
      meta.className = 'meta'; meta.textContent = ' (' + f.bytes.length + ' bytes, SHA-256 ' + f.hash + ')';
      li.dataset.sha256 = f.hash; li.append(a, meta); $('result').append(li);
    }
    show('ok', '復号しました。受渡データ番号 ' + manifest.packageId + ' / Decrypted');
  } catch (error) {
    show('error', error instanceof OpenError ? error.message : '開けませんでした / Could not open: ' + error.message);
  } finally { $('password').value = ''; }
});
`;

const STYLE = `
body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #1a1a1a; }
h1 { font-size: 1.4rem; } label { display: block; margin-top: 1rem; font-weight: bold; }
input[type=password] { font-size: 1.1rem; width: 100%; padding: .4rem; letter-spacing: .1em; }
button { margin-top: 1rem; font-size: 1rem; padding: .5rem 1.5rem; }
#message.error { color: #b00020; } #message.ok { color: #0a6b2d; } #message.busy { color: #444; }
.meta { color: #555; font-size: .85rem; word-break: break-all; } #package { font-family: monospace; word-break: break-all; }
.note { font-size: .9rem; color: #333; background: #f4f4f4; padding: .5rem 1rem; }
`;

const BODY = `
<h1>受渡データの復号 / Open a handover package</h1>
<p class="note">この画面はブラウザ内で復号します。ファイルもパスワードもサーバーへ送信されません（通信を禁止する設定で配信しています）。
開く前に、下に表示されるSHA-256がパスワード通知書の値と一致することを確認してください。<br>
Decryption happens in this browser; the page is served with a policy that forbids any network access.</p>
<form id="form">
  <label for="file">受渡データのファイル / Package file (.jwe)</label>
  <input id="file" type="file" accept=".jwe,application/jose">
  <label for="password">パスワード（パスワード通知書） / Password</label>
  <input id="password" type="password" autocomplete="off" spellcheck="false">
  <button type="submit">復号する / Decrypt</button>
</form>
<p id="package"></p>
<p id="message" role="status" aria-live="polite"></p>
<ul id="result"></ul>
`;

/** The page and its Content-Security-Policy (no network access for the script). */
export function packageOpenPage() {
  return selfContainedPage({
    title: '受渡データの復号',
    body: BODY,
    script: SCRIPT,
    style: STYLE,
    connect: "'none'",
  });
}
