import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { certifyErasure } from '../../../domain/erasure/certify-erasure.js';
import { getErasure } from '../../../domain/erasure/read-erasures.js';
import { listPackages } from '../../../domain/handover/read-packages.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { certificateVerifyUrl, erasureCertificatePdf } from '../../pdf-documents.js';
import { Badge, Details, Lines, TimeText } from '../components/common.js';
import { Csrf } from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { contractTitles } from './shared.js';

/**
 * 消去の記録 and its 消去証明書: what was erased, how, when, by whom and before whom; the
 * certificate's number, code, PDF and the public verification page once issued, or the button to
 * issue it. `problem` is a refusal of issuing (e.g. a listed package no longer in the cabinet).
 */
export async function erasurePage(c: Context<AppEnv>, problem?: { text: string; status: 409 | 422 }) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const t = p.t.handover;
  const record = await getErasure(ctx, c.req.param('id')!);
  const titles = await contractTitles(ctx, [record.contractId]);
  const orgs = await organisationNames(ctx, [record.organisationId]);
  // the erased packages by their numbers (R8-受渡-0012), among those the viewer may read
  const packageNames = new Map(
    record.packageIds.length && viewer.ability.can('read', 'HandoverPackage')
      ? (await listPackages(ctx, { contractId: record.contractId, limit: 200 })).items.map((x) => [
          x.id,
          `${x.number}　${x.title}`,
        ])
      : [],
  );
  const org = orgs.get(record.organisationId) ?? '—';
  const cert = record.certificate;
  const mayCertify = viewer.ability.can('update', asSubject('ErasureRecord', record));
  const line = (a: string, b?: string | null) => (b ? `${a}（${b}）` : a);
  return sendPage(
    c,
    <Layout p={p} title={t.erasureTitle(org)}>
      {problem && (
        <div class="error-summary" role="alert">
          <h2>{t.refusedTitle}</h2>
          <p>{problem.text}</p>
        </div>
      )}
      <p>
        <Badge status={cert ? 'approved' : 'submitted'} label={t.erasureStatus[record.status]} />
      </p>
      <section aria-labelledby="certificate">
        <h2 id="certificate">{t.certificate}</h2>
        {cert ? (
          <>
            <Details
              rows={[
                [t.certificateNumber, cert.certificateNumber],
                [t.issuedAt, <TimeText at={cert.issuedAt} />],
                [t.verificationCode, <code class="hash">{cert.payloadSha256}</code>],
              ]}
            />
            <p class="actions">
              <a class="button" href={`/handover/erasures/${record.id}/certificate.pdf`}>
                {t.downloadCertificate}
              </a>
              <a href={certificateVerifyUrl('', cert.certificateNumber, cert.payloadSha256)}>
                {t.verifyPage}
              </a>
            </p>
          </>
        ) : (
          <>
            <p>{t.notCertified}</p>
            {mayCertify && (
              <form method="post" action={`/handover/erasures/${record.id}/certificate`}>
                <Csrf p={p} />
                <input type="hidden" name="version" value={String(record.version)} />
                <button type="submit" data-confirm={t.certifyConfirm}>
                  {t.certify}
                </button>
              </form>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="record">
        <h2 id="record">{t.erasureNewTitle}</h2>
        <Details
          rows={[
            [
              t.contract,
              <a href={`/contracts/${record.contractId}`}>{titles.get(record.contractId) ?? '—'}</a>,
            ],
            [t.columns.organisation, org],
            [t.scope, t.scopes[record.scope]],
            [
              t.erasedItems,
              <Lines
                p={p}
                lines={record.items.map(
                  (i) =>
                    `${i.subjectGroup}：${i.name}（${p.t.register.directions[i.direction]}）— ${t.disposition[i.disposition]}`,
                )}
              />,
            ],
            [
              t.erasedPackages,
              <Lines p={p} lines={record.packageIds.map((id) => packageNames.get(id) ?? id)} />,
            ],
            [
              t.media,
              <Lines
                p={p}
                lines={record.media.map((m) =>
                  line(p.t.register.mediaKinds[m.kind] ?? m.kind, m.description),
                )}
              />,
            ],
            [
              t.devices,
              <Lines p={p} lines={record.devices.map((d) => line(d.description, d.serialNumber))} />,
            ],
            [t.paper, <Lines p={p} lines={record.paper.map((x) => line(x.description, x.quantity))} />],
            [
              t.methods,
              <Lines
                p={p}
                lines={record.methods.map((m) =>
                  [t.method[m.method], m.software, m.detail].filter(Boolean).join('：'),
                )}
              />,
            ],
            [t.erasedAtField, <TimeText at={record.erasedAt} />],
            [
              t.witnesses,
              <Lines
                p={p}
                lines={record.witnesses.map(
                  (w) =>
                    `${w.name}（${t.witnessSides[w.side]}${w.organisationName ? `、${w.organisationName}` : ''}）`,
                )}
              />,
            ],
            [t.evidence, String(record.evidenceAttachmentIds.length)],
            [t.note, record.note ?? p.t.common.none],
          ]}
        />
      </section>
    </Layout>,
    problem?.status ?? 200,
  );
}

/** 消去証明書の発行: the use case signs it; a refusal is shown on the record's page. */
export async function certifyAction(c: Context<AppEnv>) {
  const id = c.req.param('id')!;
  const values = await readForm(c);
  try {
    await certifyErasure(useCaseContext(c), c.get('deps').tokens, id, versionOf(values) ?? 0);
  } catch (error) {
    const refused = refusal(pageCtx(c), error);
    return erasurePage(c, { text: refused.errors.map((e) => e.text).join(' / '), status: refused.status });
  }
  return redirectWithNotice(c, `/handover/erasures/${id}`, 'saved');
}

/** The certificate as the Japanese PDF (the same read and drawing as the API's), to download. */
export function certificatePdf(c: Context<AppEnv>) {
  return erasureCertificatePdf(c, c.req.param('id')!, 'attachment');
}
