import { createElement as h } from 'react';
import type { ApprovalDocumentData } from '../../domain/approvals/read-approval-documents.js';
import { renderPdf } from '../render-pdf.js';
import { ApprovalNoticeDocument } from './approval-notice-document.js';
import { SubdelegationApplicationDocument } from './subdelegation-application-document.js';

/** 再委託承認申請書 as a PDF, from the data readSubdelegationApplication gathered. */
export function renderSubdelegationApplicationPdf(data: ApprovalDocumentData): Promise<Uint8Array> {
  return renderPdf(h(SubdelegationApplicationDocument, { data }));
}

/** 再委託承認通知書 as a PDF, from the data readApprovalNotice gathered. */
export function renderApprovalNoticePdf(data: ApprovalDocumentData): Promise<Uint8Array> {
  return renderPdf(h(ApprovalNoticeDocument, { data }));
}
