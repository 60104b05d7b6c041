import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  type Verification,
  verifyCertificateByCode,
  verifyCertificateCode,
  verifyCertificateJws,
} from '../../../domain/erasure/verify-certificate.js';
import type { AppEnv } from '../../app-env.js';
import { Details, TimeText } from '../components/common.js';
import { Csrf, ErrorSummary, type Fields, fields, TextArea, TextField } from '../components/form.js';
import { signedInOrNot } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';

// 消去証明書の検証 (public, /verify): anyone holding a certificate checks it here, signed in or not —
// from the paper (its number and verification code, which the certificate's QR code fills in:
// /verify?number=…&code=…, or the code alone: /verify?code=…) or from the signed file (JWS). The answer is valid / tampered / unknown
// and, for a valid certificate, what it certifies, in Japan time. It never lists or searches
// certificates: nothing is learnt without holding one.

const CODE = /^[0-9a-f]{64}$/;

function Result({ p, verification }: { p: PageCtx; verification: Verification }) {
  const t = p.t.verify;
  const c = verification.certificate;
  const tone = { valid: 'ok', tampered: 'bad', unknown: 'warn' }[verification.result];
  return (
    <section aria-labelledby="result" class="verify-result">
      <h2 id="result">{t.result}</h2>
      <p role="status">
        <span class={`badge ${tone}`}>{t.results[verification.result]}</span>
      </p>
      {c && (
        <>
          <Details
            rows={[
              [t.fields.certificateNumber, `第${c.certificateNumber}号`],
              [t.fields.certifiedBy, c.certifiedBy],
              [t.fields.ward, c.ward],
              [t.fields.contractTitle, c.contractTitle],
              [t.fields.erasedAt, <TimeText at={new Date(c.erasedAt)} />],
              [t.fields.issuedAt, <TimeText at={new Date(c.issuedAt)} />],
              [t.fields.sha256, <code class="hash">{c.sha256}</code>],
            ]}
          />
          <p class="hint">{t.timeNote}</p>
        </>
      )}
    </section>
  );
}

function VerifyPage(props: { p: PageCtx; f: Fields; verification?: Verification }) {
  const { p, f, verification } = props;
  const t = p.t.verify;
  return (
    <Layout p={p} title={t.title}>
      <p class="lead">{t.intro}</p>
      <ErrorSummary p={p} f={f} />
      {verification && <Result p={p} verification={verification} />}
      <form method="get" action="/verify" novalidate aria-labelledby="by-code">
        <h2 id="by-code">{t.byCode}</h2>
        <TextField p={p} f={f} name="number" label={t.number} hint={t.numberHint} required short />
        <TextField p={p} f={f} name="code" label={t.code} hint={t.codeHint} required autocomplete="off" />
        <button type="submit">{t.check}</button>
      </form>
      <form method="post" action="/verify" novalidate aria-labelledby="by-jws">
        <h2 id="by-jws">{t.byJws}</h2>
        <Csrf p={p} />
        <TextArea p={p} f={f} name="jws" label={t.jws} hint={t.jwsHint} rows={5} />
        <button type="submit">{t.check}</button>
      </form>
      <p class="hint">{t.apiNote}</p>
    </Layout>
  );
}

async function show(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const number = (c.req.query('number') ?? '').trim().replace(/^第|号$/g, '');
  const code = (c.req.query('code') ?? '').toLowerCase().replace(/[^0-9a-f]/g, '');
  const values = { number, code: c.req.query('code') ?? '' };
  if (!number && !code) return sendPage(c, <VerifyPage p={p} f={fields(values)} />);
  if (!CODE.test(code)) {
    const errors = [{ field: 'code', text: code ? p.t.verify.codeHint : p.t.verify.missing }];
    return sendPage(c, <VerifyPage p={p} f={fields(values, errors)} />, 422);
  }
  const db = c.get('deps').db;
  const verification = number
    ? await verifyCertificateCode(db, number, code)
    : await verifyCertificateByCode(db, code);
  return sendPage(c, <VerifyPage p={p} f={fields(values)} verification={verification} />);
}

export function verifyPages() {
  const app = new Hono<AppEnv>();
  app.get('/verify', signedInOrNot, show);
  app.post('/verify', signedInOrNot, async (c) => {
    const p = pageCtx(c);
    const body = await c.req.parseBody();
    const jws = typeof body.jws === 'string' ? body.jws.trim() : '';
    if (!jws) {
      const f = fields({}, [{ field: 'jws', text: p.t.verify.jwsHint }]);
      return sendPage(c, <VerifyPage p={p} f={f} />, 422);
    }
    const verification = await verifyCertificateJws(c.get('deps').db, c.get('deps').tokens, jws);
    return sendPage(c, <VerifyPage p={p} f={fields({ jws })} verification={verification} />);
  });
  return app;
}
