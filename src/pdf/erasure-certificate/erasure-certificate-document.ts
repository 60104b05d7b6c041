import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import type { CertificateContent } from '../../domain/erasure/certificate-content.js';
import {
  DISPOSITION_JA,
  type ErasedItem,
  METHOD_JA,
  SCOPE_JA,
  WITNESS_SIDE_JA,
} from '../../domain/erasure/erasure-terms.js';
import { fillWords, wordsOfSelf } from '../../domain/organisations/municipality-words.js';
import { DIRECTION_JA, MEDIA_JA } from '../../domain/registers/register-document.js';
import { toWareki } from '../../domain/shared/wareki.js';
import { QrCode } from '../components/qr-code.js';
import { JAPANESE_FONT } from '../fonts.js';
import { groupedHash, japanDate, japanDateTime } from '../password-notice/format.js';

// 消去証明書 (003 特記事項15・丙13, 002 特記事項11, 001 別紙7 第10条4): drawn from exactly the content
// that was signed, with the verification code (SHA-256 of that content) and where to check it.

export interface CertificateView {
  content: CertificateContent;
  sha256: string;
  kid: string;
  /** The public verification page with this certificate's number and code filled in (also the QR code). */
  verificationUrl: string;
  /** 区, 市, …: the municipality's staff are 区職員 / 市職員. */
  selfWord: string;
  /** The municipality's head, addressed by name and title (新宿区長, ○○衛生組合管理者). */
  wardHead: string;
}

const s = StyleSheet.create({
  page: {
    fontFamily: JAPANESE_FONT,
    fontSize: 9,
    paddingTop: 32,
    paddingBottom: 44,
    paddingHorizontal: 40,
    lineHeight: 1.45,
  },
  right: { textAlign: 'right' },
  to: { fontSize: 11, marginTop: 6 },
  issuer: { flexDirection: 'row', justifyContent: 'flex-end', alignItems: 'center', marginTop: 6 },
  issuerLines: { fontSize: 10, marginRight: 8 },
  issuerLabel: { width: 48 },
  issuerLine: { flexDirection: 'row' },
  seal: {
    width: 46,
    height: 46,
    borderWidth: 0.75,
    borderColor: '#000',
    borderStyle: 'dashed',
    justifyContent: 'center',
    alignItems: 'center',
  },
  sealText: { fontSize: 10, color: '#555' },
  title: { fontSize: 20, fontWeight: 700, textAlign: 'center', letterSpacing: 6, marginVertical: 12 },
  lead: { marginBottom: 4 },
  ki: { textAlign: 'center', marginVertical: 4 },
  table: { borderTopWidth: 1, borderLeftWidth: 1, borderColor: '#000' },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#000' },
  head: {
    width: '22%',
    padding: 4,
    borderRightWidth: 1,
    borderColor: '#000',
    backgroundColor: '#f0f0f0',
    fontWeight: 700,
  },
  cell: { width: '78%', padding: 4, borderRightWidth: 1, borderColor: '#000' },
  small: { fontSize: 8, color: '#333' },
  signature: {
    marginTop: 10,
    borderWidth: 1,
    borderColor: '#000',
    padding: 6,
    flexDirection: 'row',
    alignItems: 'center',
  },
  signatureText: { flex: 1, paddingRight: 6 },
  signatureTitle: { fontWeight: 700, marginBottom: 2 },
  code: { fontSize: 9.5, fontWeight: 700, lineHeight: 1.3 },
  // Placed from the top: with the page's lineHeight react-pdf drops a fixed text anchored by
  // `bottom` altogether, and the certificate's number and page count went missing. A4 is 841.89pt.
  footer: {
    position: 'absolute',
    top: 814,
    left: 40,
    right: 40,
    fontSize: 7.5,
    textAlign: 'center',
    color: '#555',
  },
});

const t = (value: string, style?: (typeof s)[keyof typeof s]) => h(Text, style ? { style } : {}, value);

function row(head: string, ...content: ReactElement[]): ReactElement {
  return h(
    View,
    { style: s.row, wrap: false },
    h(View, { style: s.head }, t(head)),
    h(View, { style: s.cell }, ...content),
  );
}

/** Items per subject group and direction: 撤去車両所有者（委託先に提供する項目）：住所、氏名、… */
function itemLines(items: ErasedItem[]): ReactElement[] {
  const groups = new Map<string, string[]>();
  for (const i of items) {
    const key = `${i.subjectGroup}（${DIRECTION_JA[i.direction]}）`;
    groups.set(key, [...(groups.get(key) ?? []), i.name]);
  }
  return [...groups].map(([group, names]) => t(`${group}：${names.join('、')}`));
}

const none = () => t('なし');

/** 証明者: 所在地・名称・代表者, with the seal box (印) beside them as the paper forms print it. */
function issuer(c: CertificateContent): ReactElement {
  const line = (label: string, value: string) =>
    h(View, { style: s.issuerLine, key: label }, t(label, s.issuerLabel), t(value));
  return h(
    View,
    { style: s.issuer, wrap: false },
    h(
      View,
      { style: s.issuerLines },
      t('証明者'),
      line('所在地', c.certifiedBy.address ?? ''),
      line('名称', c.certifiedBy.name),
      line('代表者', c.certifiedBy.representative ?? '　'),
    ),
    h(View, { style: s.seal }, t('印', s.sealText)),
  );
}

export function ErasureCertificateDocument({
  content: c,
  sha256,
  kid,
  verificationUrl,
  selfWord,
  wardHead,
}: CertificateView): ReactElement {
  const erased = c.items.filter((i) => i.disposition === 'erased');
  const returned = c.items.filter((i) => i.disposition === 'returned');
  const addressees = c.recipients.map((r) => (r.role === 'ward' ? `${wardHead}　殿` : `${r.name}　御中`));
  const rows: ReactElement[] = [
    row(
      '契約件名',
      t(`${c.contract.title}${c.contract.contractNumber ? `（${c.contract.contractNumber}）` : ''}`),
      t(`契約期間：${toWareki(c.contract.periodFrom)}から${toWareki(c.contract.periodTo)}まで`, s.small),
    ),
    ...(c.parentContract
      ? [
          row(
            '委託元（再委託）',
            t(`${c.parentContract.title}（受託者：${c.parentContract.contractorName}）`),
          ),
        ]
      : []),
    row('消去の理由', t(SCOPE_JA[c.scope])),
    row('消去日時', t(japanDateTime(new Date(c.erasedAt)))),
    row(`${DISPOSITION_JA.erased}した情報項目`, ...(erased.length ? itemLines(erased) : [none()])),
    ...(returned.length ? [row(`${DISPOSITION_JA.returned}した情報項目`, ...itemLines(returned))] : []),
    row(
      '受渡データ',
      ...(c.packages.length
        ? c.packages.flatMap((p) => [
            t(`${p.title}（暗号化した電磁的媒体）`),
            t(`SHA-256 ${groupedHash(p.ciphertextSha256)}`, s.small),
          ])
        : [none()]),
    ),
    row(
      '記録媒体',
      ...(c.media.length ? c.media.map((m) => t(`${MEDIA_JA[m.kind]}：${m.description}`)) : [none()]),
    ),
    row(
      '機器',
      ...(c.devices.length
        ? c.devices.map((d) => t(`${d.description}${d.serialNumber ? `（製造番号 ${d.serialNumber}）` : ''}`))
        : [none()]),
    ),
    row(
      '紙',
      ...(c.paper.length
        ? c.paper.map((p) => t(`${p.description}${p.quantity ? `（${p.quantity}）` : ''}`))
        : [none()]),
    ),
    row(
      '消去の方法',
      ...(c.methods.length
        ? c.methods.map((m) =>
            t(
              `${METHOD_JA[m.method]}${m.software ? `（${m.software}）` : ''}${m.detail ? `：${m.detail}` : ''}`,
            ),
          )
        : [none()]),
    ),
    row('実施者', t(`${c.performedBy.name}（${c.certifiedBy.name}）`)),
    row(
      '立会者',
      ...(c.witnesses.length
        ? c.witnesses.map((w) =>
            t(
              `${w.name}（${fillWords(WITNESS_SIDE_JA[w.side], wordsOfSelf(selfWord), 'ja')}${w.organisationName ? `・${w.organisationName}` : ''}）`,
            ),
          )
        : [none()]),
    ),
    row(
      '証拠資料',
      ...(c.evidence.length
        ? c.evidence.map((e) => t(`${e.filename}　SHA-256 ${e.sha256.slice(0, 16)}…`))
        : [none()]),
    ),
    ...(c.note ? [row('備考', t(c.note))] : []),
  ];
  return h(
    Document,
    { title: `消去証明書 第${c.certificateNumber}号`, author: c.certifiedBy.name, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: s.page },
      t(`第${c.certificateNumber}号`, s.right),
      t(japanDate(new Date(c.issuedAt)), s.right),
      ...addressees.map((a) => t(a, s.to)),
      issuer(c),
      t('消去証明書', s.title),
      t(
        `下記の契約に係る業務を行うに当たり取り扱った個人情報について、下記のとおり${returned.length ? '消去（廃棄）及び返還' : '消去（廃棄）'}を行い、消去したデータは復元できない状態としたことを証明します。`,
        s.lead,
      ),
      t('記', s.ki),
      h(View, { style: s.table }, ...rows),
      h(
        View,
        { style: s.signature, wrap: false },
        h(
          View,
          { style: s.signatureText },
          t('電子署名・検証', s.signatureTitle),
          t('本証明書の内容は、発行時に電子署名（JWS・ES256）されています。', s.small),
          t(`署名鍵ID：${kid}`, s.small),
          t('検証コード（署名された内容のSHA-256）', s.small),
          t(groupedHash(sha256), s.code),
          t(`検証ページ：${verificationUrl}`, s.small),
          t(
            '右のQRコードを読み取るか、検証ページで証明書番号と検証コードを入力すると、有効・改ざん・不明を確認できます（ログイン不要）。',
            s.small,
          ),
        ),
        h(QrCode, { text: verificationUrl, width: 72 }),
      ),
      h(Text, {
        style: s.footer,
        fixed: true,
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `消去証明書 第${c.certificateNumber}号　${pageNumber} / ${totalPages}`,
      }),
    ),
  );
}
