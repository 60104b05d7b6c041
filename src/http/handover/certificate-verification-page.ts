import { selfContainedPage } from './self-contained-page.js';

// 消去証明書の検証ページ: anyone holding a certificate checks it here, signed in or not — with the
// signed file (.jws) or with the certificate number and verification code printed on the paper.
// The script talks only to this server's verification endpoint (connect-src 'self').

const SCRIPT = `
'use strict';
const $ = (id) => document.getElementById(id);
const LABELS = {
  valid: '有効：この証明書は発行されたとおりです / Valid',
  tampered: '改ざん：発行された証明書と一致しません / Tampered',
  unknown: '不明：この証明書は確認できません / Unknown',
};
$('jwsFile').addEventListener('change', async () => {
  const file = $('jwsFile').files[0];
  if (file) $('jws').value = (await file.text()).trim();
});
async function check(body) {
  const out = $('result');
  out.className = 'busy'; out.textContent = '確認しています… / Checking…';
  $('details').replaceChildren();
  try {
    const res = await fetch(location.pathname.replace(/\\/$/, ''), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const answer = await res.json();
    if (!res.ok) { out.className = 'unknown'; out.textContent = answer.detail_ja || answer.detail; return; }
    out.className = answer.result; out.textContent = LABELS[answer.result];
    if (answer.certificate) {
      const c = answer.certificate;
      for (const [k, v] of [['証明書番号', c.certificateNumber], ['証明者', c.certifiedBy], ['提出先', c.ward], ['契約', c.contractTitle], ['消去日時', c.erasedAt], ['発行日時', c.issuedAt], ['検証コード', c.sha256]]) {
        const dt = document.createElement('dt'); dt.textContent = k;
        const dd = document.createElement('dd'); dd.textContent = v;
        $('details').append(dt, dd);
      }
    }
  } catch (error) { out.className = 'unknown'; out.textContent = '確認できませんでした / Could not check: ' + error.message; }
}
$('byJws').addEventListener('submit', (e) => { e.preventDefault(); check({ jws: $('jws').value }); });
$('byCode').addEventListener('submit', (e) => { e.preventDefault(); check({ certificateNumber: $('number').value, sha256: $('code').value }); });
`;

const STYLE = `
body { font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #1a1a1a; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
label { display: block; margin-top: .8rem; font-weight: bold; }
textarea, input[type=text] { width: 100%; font-family: monospace; padding: .4rem; box-sizing: border-box; }
button { margin-top: .8rem; font-size: 1rem; padding: .4rem 1.2rem; }
#result { font-size: 1.2rem; font-weight: bold; padding: .5rem; }
#result.valid { color: #0a6b2d; } #result.tampered { color: #b00020; } #result.unknown { color: #6b4e00; }
dt { font-weight: bold; } dd { margin: 0 0 .4rem 0; word-break: break-all; }
`;

const BODY = `
<h1>消去証明書の検証 / Verify an erasure certificate</h1>
<p>消去証明書が発行されたとおりか（有効）、内容が変えられていないか（改ざん）を確認します。ログインは不要です。</p>
<p>通常は <a href="/verify">検証ページ（/verify）</a> をご利用ください。日時はいずれも日本時間（+09:00）です。 / Please use <a href="/verify?lang=en">/verify</a>; times are Japan time (+09:00).</p>
<form id="byCode">
  <h2>紙の証明書から / From the paper</h2>
  <label for="number">証明書番号 / Certificate number</label>
  <input id="number" type="text" placeholder="2026-0001" autocomplete="off">
  <label for="code">検証コード / Verification code (SHA-256)</label>
  <input id="code" type="text" autocomplete="off">
  <button type="submit">確認する / Check</button>
</form>
<form id="byJws">
  <h2>署名ファイルから / From the signed file (JWS)</h2>
  <label for="jwsFile">署名ファイル / Signed file</label>
  <input id="jwsFile" type="file" accept=".jws,.txt,application/jose">
  <label for="jws">又は署名（JWS）を貼り付け / or paste the JWS</label>
  <textarea id="jws" rows="6" spellcheck="false"></textarea>
  <button type="submit">確認する / Check</button>
</form>
<p id="result" role="status" aria-live="polite"></p>
<dl id="details"></dl>
`;

export function certificateVerificationPage() {
  return selfContainedPage({
    title: '消去証明書の検証',
    body: BODY,
    script: SCRIPT,
    style: STYLE,
    connect: "'self'",
  });
}
