import type { Context } from 'hono';
import {
  readApprovalNotice,
  readSubdelegationApplication,
} from '../domain/approvals/read-approval-documents.js';
import { readCouncilReport } from '../domain/council/read-council-report.js';
import { readErasureCertificate } from '../domain/erasure/read-erasure-certificate.js';
import type { PasswordNoticeMaker } from '../domain/handover/prepare-package.js';
import { breachReportCsv, readBreachReport } from '../domain/incidents/read-breach-report.js';
import { readInspectionRecord } from '../domain/inspections/read-inspection-record.js';
import { readMonitoringDocument } from '../domain/monitoring/read-monitoring-document.js';
import { readComplianceReportForm } from '../domain/reports/read-compliance-report-form.js';
import {
  renderApprovalNoticePdf,
  renderSubdelegationApplicationPdf,
} from '../pdf/approval-documents/render-approval-documents.js';
import { renderBreachReportPdf } from '../pdf/breach-report/render-breach-report.js';
import { renderComplianceReportPdf } from '../pdf/compliance-report/render-compliance-report.js';
import { renderCouncilReportPdf } from '../pdf/council-report/render-council-report.js';
import { renderErasureCertificate } from '../pdf/erasure-certificate/render-erasure-certificate.js';
import { renderInspectionRecordPdf } from '../pdf/inspection-record/render-inspection-record.js';
import { renderMonitoringReportPdf } from '../pdf/monitoring-report/render-monitoring-report.js';
import { renderPasswordNotice } from '../pdf/password-notice/render-password-notice.js';
import type { AppEnv } from './app-env.js';
// every document is read through the read replica when one is configured (README "Read replicas")
import { readContext } from './middleware/read-replica.js';

// The documents as HTTP answers, one function each, called by the API route and the page alike:
// the domain read (with its ability check: a record the viewer may not read is a 404) gathers the
// data, src/pdf draws it, and the answer is named and headed here, once.

/** The API where systems check an erasure certificate. */
export const CERTIFICATE_VERIFICATION_PATH = '/api/v1/certificate-verification';
/** The public page where anyone checks an erasure certificate (its QR code leads there). */
export const VERIFY_PATH = '/verify';

/** The verification page with a certificate's number and code filled in (printed and in the QR code). */
export function certificateVerifyUrl(origin: string, certificateNumber: string, sha256: string): string {
  return `${origin}${VERIFY_PATH}?number=${encodeURIComponent(certificateNumber)}&code=${sha256}`;
}
/**
 * Where a recipient can open a handover package in the browser; the password notice prints this
 * path with the product's page named, not this server's address as a request reached it.
 */
export const PACKAGE_OPEN_PATH = '/api/v1/handover-packages/open';

const origin = (c: Context) => new URL(c.req.url).origin;

/** Shown in the browser, or saved as a file (a link the page labels as a download). */
export type Disposition = 'inline' | 'attachment';

/**
 * A PDF named in ASCII (for old clients) and, where it has one, by its Japanese name; private to
 * the viewer, so no cache keeps it.
 */
export function pdfResponse(
  c: Context,
  pdf: Uint8Array,
  name: { ascii: string; ja?: string },
  disposition: Disposition = 'inline',
): Response {
  const japanese = name.ja ? `; filename*=UTF-8''${encodeURIComponent(name.ja)}` : '';
  return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `${disposition}; filename="${name.ascii}"${japanese}`,
    'cache-control': 'private, no-store',
  });
}

/** 実地検査の記録 */
export async function inspectionRecordPdf(c: Context<AppEnv>, id: string): Promise<Response> {
  const data = await readInspectionRecord(await readContext(c), id);
  return pdfResponse(c, await renderInspectionRecordPdf(data), {
    ascii: `inspection-${data.inspection.id}.pdf`,
    ja: `${data.inspection.template.title}_${data.inspection.plannedOn}.pdf`,
  });
}

/** 再委託承認申請書 of a sub-contracting approval */
export async function subdelegationApplicationPdf(
  c: Context<AppEnv>,
  approvalId: string,
  disposition: Disposition = 'inline',
): Promise<Response> {
  const data = await readSubdelegationApplication(await readContext(c), approvalId);
  return pdfResponse(
    c,
    await renderSubdelegationApplicationPdf(data),
    {
      ascii: `subdelegation-application-${data.approvalId}.pdf`,
      ja: `再委託承認申請書_${data.application.title}.pdf`,
    },
    disposition,
  );
}

/** 再委託承認通知書 of an approved sub-contracting application */
export async function approvalNoticePdf(
  c: Context<AppEnv>,
  approvalId: string,
  disposition: Disposition = 'inline',
): Promise<Response> {
  const data = await readApprovalNotice(await readContext(c), approvalId);
  return pdfResponse(
    c,
    await renderApprovalNoticePdf(data),
    { ascii: `approval-notice-${data.approvalId}.pdf`, ja: `再委託承認通知書_${data.application.title}.pdf` },
    disposition,
  );
}

/** 審議会 報告事項 */
export async function councilReportPdf(c: Context<AppEnv>, id: string): Promise<Response> {
  const data = await readCouncilReport(await readContext(c), id);
  return pdfResponse(c, await renderCouncilReportPdf(data), {
    ascii: `council-report-${data.id}.pdf`,
    ja: `報告事項_${data.title}.pdf`,
  });
}

/** 別紙5 個人情報特記事項の遵守に関する報告書 */
export async function complianceReportPdf(c: Context<AppEnv>, id: string): Promise<Response> {
  const data = await readComplianceReportForm(await readContext(c), id);
  return pdfResponse(c, await renderComplianceReportPdf(data), {
    ascii: `compliance-report-${data.period}.pdf`,
    ja: `遵守状況報告書_${data.period}.pdf`,
  });
}

/** 業務委託モニタリング報告書 */
export async function monitoringReportPdf(c: Context<AppEnv>, id: string): Promise<Response> {
  const data = await readMonitoringDocument(await readContext(c), id);
  return pdfResponse(c, await renderMonitoringReportPdf(data), {
    ascii: `monitoring-${data.report.id}.pdf`,
    ja: `業務委託モニタリング報告書_${data.report.hearingOn}.pdf`,
  });
}

/** 消去証明書 of an erasure record (the page offers it as a download, the API shows it inline) */
export async function erasureCertificatePdf(
  c: Context<AppEnv>,
  erasureRecordId: string,
  disposition: Disposition = 'inline',
): Promise<Response> {
  const data = await readErasureCertificate(await readContext(c), erasureRecordId);
  const pdf = await renderErasureCertificate(
    data,
    certificateVerifyUrl(origin(c), data.certificateNumber, data.sha256),
  );
  return pdfResponse(
    c,
    pdf,
    {
      ascii: `erasure-certificate-${data.certificateNumber}.pdf`,
      ja: `消去証明書_${data.certificateNumber}.pdf`,
    },
    disposition,
  );
}

/** How preparePackage makes the パスワード通知書: drawn by src/pdf, naming the product's open page. */
export function passwordNoticeMaker(_c: Context): PasswordNoticeMaker {
  return { openPageUrl: PACKAGE_OPEN_PATH, render: renderPasswordNotice };
}

/** 漏えい等報告書 (the content of an incident's breach report), as PDF */
export async function breachReportPdf(c: Context<AppEnv>, incidentId: string): Promise<Response> {
  const data = await readBreachReport(await readContext(c), incidentId);
  return pdfResponse(c, await renderBreachReportPdf(data), {
    ascii: `breach-report-${data.incidentId}.pdf`,
    ja: `漏えい等報告書_${data.contract.title}.pdf`,
  });
}

/** 漏えい等報告書 as CSV (UTF-8 with BOM), the form's fields one a row */
export async function breachReportCsvResponse(c: Context<AppEnv>, incidentId: string): Promise<Response> {
  const data = await readBreachReport(await readContext(c), incidentId);
  return c.body(breachReportCsv(data), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="breach-report-${data.incidentId}.csv"; filename*=UTF-8''${encodeURIComponent(`漏えい等報告書_${data.contract.title}.csv`)}`,
    'cache-control': 'private, no-store',
  });
}
