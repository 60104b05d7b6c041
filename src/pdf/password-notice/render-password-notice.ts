import { createElement as h } from 'react';
import type { PasswordNoticeData } from '../../domain/handover/password-notice.js';
import { renderPdf } from '../render-pdf.js';
import { PasswordNoticeDocument } from './password-notice-document.js';

/** The パスワード通知書 as a PDF, drawn from the data gatherPasswordNotice collected: made in
 * memory, returned once, never stored. */
export async function renderPasswordNotice(data: PasswordNoticeData): Promise<Uint8Array> {
  return renderPdf(h(PasswordNoticeDocument, data));
}
