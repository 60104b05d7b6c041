import { type FieldError, ValidationError } from '../shared/errors.js';

/**
 * 10 MiB per file: enough for a scanned pledge (誓約書) or a P-mark certificate. A larger file is
 * refused here as a 422 on the `file` field rather than as a 413: it names the field and the
 * limit in both languages like every other invalid input. Bodies far beyond it never get here;
 * the body limit in src/app.ts refuses them with 413 before reading them whole.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AttachmentContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

interface Format {
  type: AttachmentContentType;
  magic: readonly number[];
  extensions: readonly string[];
}

// Recognised by their first bytes, never by what the client claims.
const FORMATS: readonly Format[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['.pdf'] }, // %PDF-
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['.png'] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'] },
];

/** Names some clients still send for JPEG. */
const ALIASES: Record<string, AttachmentContentType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
};

/** The format the bytes are in, from their magic numbers; undefined for anything else. */
export function sniffContentType(bytes: Uint8Array): AttachmentContentType | undefined {
  return FORMATS.find((f) => f.magic.every((b, i) => bytes[i] === b))?.type;
}

function refuse(en: string, ja: string, field: Omit<FieldError, 'path'>): ValidationError {
  return new ValidationError({ en, ja }, [{ path: 'file', ...field }]);
}

/**
 * Checks the size and the format of an uploaded file and returns its verified content type. The
 * type the client declared and the file name's extension must both agree with the bytes, so that
 * what is stored is what every later reader's software will take it for.
 */
export function checkAttachmentContent(
  filename: string,
  declaredType: string,
  bytes: Uint8Array,
): AttachmentContentType {
  if (bytes.length === 0) {
    throw refuse('The file is empty', 'ファイルが空です', {
      message: 'empty file',
      message_ja: '空のファイルは登録できません',
    });
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw refuse('The file is larger than 10 MiB', 'ファイルが10MiBを超えています', {
      message: `${bytes.length} bytes; at most ${MAX_ATTACHMENT_BYTES}`,
      message_ja: `${bytes.length}バイトです（上限 ${MAX_ATTACHMENT_BYTES}バイト）`,
    });
  }
  const format = FORMATS.find((f) => f.type === sniffContentType(bytes));
  if (!format) {
    throw refuse(
      'Only PDF, PNG and JPEG files are accepted',
      'PDF・PNG・JPEG形式のファイルのみ登録できます',
      {
        message: 'the contents are not a PDF, PNG or JPEG file',
        message_ja: 'ファイルの内容がPDF・PNG・JPEGのいずれでもありません',
      },
    );
  }
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if ((ALIASES[declared] ?? declared) !== format.type) {
    throw refuse(
      'The declared type does not match the file',
      '指定された形式とファイルの内容が一致しません',
      {
        message: `declared ${declared || '(none)'}, but the contents are ${format.type}`,
        message_ja: `形式は ${declared || '（指定なし）'} とされていますが、内容は ${format.type} です`,
      },
    );
  }
  const lower = filename.toLowerCase();
  if (!format.extensions.some((ext) => lower.endsWith(ext))) {
    throw refuse(
      'The file name does not match the file',
      'ファイル名の拡張子とファイルの内容が一致しません',
      {
        message: `a ${format.type} file must be named *${format.extensions.join(' or *')}`,
        message_ja: `${format.type} のファイル名の拡張子は ${format.extensions.join('・')} にしてください`,
      },
    );
  }
  return format.type;
}
