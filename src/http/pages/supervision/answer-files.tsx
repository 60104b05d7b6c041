import type { Context } from 'hono';
import { getAttachment } from '../../../domain/attachments/get-attachment.js';
import { uploadAttachment } from '../../../domain/attachments/upload-attachment.js';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { isAppError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { type Fields, fieldId } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// The files of an answer to a report request (報告の求めへの報告の添付ファイル): stored through the
// attachments use case (size, type sniffed from the bytes, SHA-256) for the contract's ward, so the
// ward's staff and the company that answered read them; anyone else sees the name withheld.

/** The most files one answer takes (the API's limit). */
export const MAX_ANSWER_FILES = 20;

/** id → file name, or null for a file this viewer may not read (it is not shown by name). */
export type FileNames = Map<string, string | null>;

export async function fileNames(ctx: UseCaseContext, ids: string[]): Promise<FileNames> {
  const names: FileNames = new Map();
  for (const id of new Set(ids)) {
    try {
      names.set(id, (await getAttachment(ctx, id)).filename);
    } catch (error) {
      if (!isAppError(error)) throw error;
      names.set(id, null);
    }
  }
  return names;
}

/** The answer's files as download links (served by /attachments/:id as attachments). */
export function AttachmentList({ p, ids, names }: { p: PageCtx; ids: string[]; names: FileNames }) {
  const t = p.t.supervision;
  if (!ids.length) return <span>{p.t.common.none}</span>;
  return (
    <ul class="plain">
      {ids.map((id) => {
        const name = names.get(id);
        return <li>{name ? <a href={`/attachments/${id}`}>{name}</a> : t.fileWithheld}</li>;
      })}
    </ul>
  );
}

/** The answer form's files: those stored by a refused attempt (kept ticked) and new ones to add. */
export function AnswerFileFields({ p, f, names }: { p: PageCtx; f: Fields; names: FileNames }) {
  const t = p.t.supervision;
  const kept = f.values('attachmentIds').filter((id) => names.get(id));
  return (
    <>
      {kept.length > 0 && (
        <fieldset class="field">
          <legend>{t.keptFiles}</legend>
          <div class="checks">
            {kept.map((id) => (
              <label>
                <input type="checkbox" name="attachmentIds" value={id} checked />
                {names.get(id)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div class="field">
        <label for={fieldId('files')}>{t.fields.files}</label>
        <span class="hint" id={`${fieldId('files')}-hint`}>
          {t.filesHint}
        </span>
        {f.errors('files').map((e) => (
          <p class="field-error" id={`${fieldId('files')}-error`}>
            {e}
          </p>
        ))}
        <input
          type="file"
          id={fieldId('files')}
          name="files"
          multiple
          accept=".pdf,.png,.jpg,.jpeg"
          aria-describedby={`${fieldId('files')}-hint${f.errors('files').length ? ` ${fieldId('files')}-error` : ''}`}
          aria-invalid={f.errors('files').length ? 'true' : undefined}
        />
      </div>
    </>
  );
}

/** The files posted with the form (empty file inputs left out). */
export async function postedFiles(c: Context<AppEnv>): Promise<File[]> {
  const body = await c.req.parseBody({ all: true });
  const raw = body.files;
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is File => v instanceof File && v.size > 0);
}

/** Stores each posted file for the ward; returns their ids (a refusal of any file throws). */
export async function storeAnswerFiles(
  ctx: UseCaseContext,
  files: File[],
  wardId: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const stored = await uploadAttachment(ctx, {
      filename: file.name,
      declaredType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
      purpose: file.type.startsWith('image/') ? 'photo' : 'other',
      wardId,
    });
    ids.push(stored.id);
  }
  return ids;
}
