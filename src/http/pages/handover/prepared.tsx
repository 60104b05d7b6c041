import type { PreparedPackage } from '../../../domain/handover/prepare-package.js';
import { Details } from '../components/common.js';
import type { PageCtx } from '../page-context.js';
import { sizeText } from './shared.js';

/** Base64 with Web APIs only, in chunks (String.fromCharCode takes a bounded number of arguments). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The answer to 受渡データの作成: the package file as a download the server keeps for its preparer
 * for an hour (ciphertext only: a package may be tens of megabytes, too much to embed), and the
 * password notice inside the page itself (a data: link), because the server never keeps the
 * password. The page is sent with no-store like every page.
 */
export function Prepared({ p, prepared }: { p: PageCtx; prepared: PreparedPackage }) {
  const t = p.t.handover;
  const pkg = prepared.package;
  const packageHref = `/handover/${pkg.id}/package.jwe`;
  const noticeHref = `data:application/pdf;base64,${toBase64(prepared.passwordNotice)}`;
  return (
    <>
      <p class="lead" role="status">
        {t.preparedLead}
      </p>
      <p class="actions">
        <a class="button" href={packageHref} download={`package-${pkg.id}.jwe`}>
          {t.downloadPackage}
        </a>
        <a class="button" href={noticeHref} download={`password-notice-${pkg.number}.pdf`}>
          {t.downloadNotice}
        </a>
      </p>
      <ol>
        {t.preparedSteps.map((s) => (
          <li>{s}</li>
        ))}
      </ol>
      <Details
        rows={[
          [t.columns.number, pkg.number],
          [t.columns.title, pkg.title],
          [t.sha256, <code class="hash">{pkg.ciphertextSha256}</code>],
          [t.size, sizeText(pkg.ciphertextBytes)],
          [t.fileList, pkg.files.map((f) => `${f.name}（${sizeText(f.sizeBytes)}）`).join('、')],
        ]}
      />
      <p>
        <a href={`/handover/${pkg.id}`}>{t.toPackage}</a>
      </p>
    </>
  );
}
