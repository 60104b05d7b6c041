import type { CouncilReportItem } from '../../../domain/council/council-items.js';
import {
  approvalMark,
  type BundledPart,
  OUTSOURCING_KINDS,
  type OutsourcingKind,
  type ReportCover,
} from '../../../domain/council/report-cover.js';
import { DateText, Details } from '../components/common.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type Fields,
  type FormValues,
  fieldId,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue } from '../components/form-body.js';
import type { PageCtx } from '../page-context.js';

// 表紙・事業の概要・一括契約の内訳 on the report item page (issue 16): what the officer recorded, and
// the form to record it. The form's field names are the domain's paths (overview.purpose,
// parts.2.name), so a refusal lands beside its field.

/** The recorded cover as the council reads it; the ward's article when the item names none. */
export function CoverView({
  p,
  cover,
  wardArticle,
  ordinanceName,
}: {
  p: PageCtx;
  cover: ReportCover;
  wardArticle: string | null;
  ordinanceName: string | null;
}) {
  const t = p.t.council.cover;
  const article = cover.ordinanceArticle ?? (wardArticle ? t.basisFallback(wardArticle) : null);
  const o = cover.overview;
  return (
    <>
      <Details
        rows={[
          [t.basis, article ? `${ordinanceName ?? ''}${article}` : t.noBasis],
          [t.outsourcingKinds, cover.outsourcingKinds.map((k) => t.kinds[k]).join('、') || t.none],
          [t.meetingOn, cover.meetingOn ? <DateText p={p} date={cover.meetingOn} /> : t.none],
          [t.selectionMethod, cover.contractorSelection ? selectionText(cover) : t.none],
          [t.purpose, o.purpose ?? t.none],
          [t.targetPeople, o.targetPeople ?? t.none],
          [t.description, o.description ? <Paragraphs text={o.description} /> : t.none],
        ]}
      />
      <h3>{t.parts}</h3>
      {cover.parts.length ? <PartsTable p={p} parts={cover.parts} /> : <p>{t.noParts}</p>}
    </>
  );
}

const selectionText = (cover: ReportCover) =>
  [cover.contractorSelection!.method, cover.contractorSelection!.decisionNote].filter(Boolean).join(' ※');

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .map((l) => (
          <p>{l}</p>
        ))}
    </>
  );
}

function PartsTable({ p, parts }: { p: PageCtx; parts: BundledPart[] }) {
  const t = p.t.council.cover;
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">{t.parts}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.no}</th>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.personalInfo}</th>
            <th scope="col">{t.columns.approval}</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((part, i) => {
            const mark = approvalMark(part);
            return (
              <tr>
                <td>{i + 1}</td>
                <td>
                  {part.name}
                  {part.newlyAdded ? t.newlyAddedMark : ''}
                </td>
                <td>{part.personalInfo ? '○' : '×'}</td>
                <td>
                  {mark.mark}
                  {mark.mark === '×' ? ` ${t.thisReport}` : mark.note ? ` ${mark.note}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The form's values for a recorded cover. */
export function coverValues(cover: ReportCover, version: number): FormValues {
  const values: FormValues = {
    version: String(version),
    ordinanceArticle: cover.ordinanceArticle ?? '',
    outsourcingKinds: cover.outsourcingKinds,
    'overview.purpose': cover.overview.purpose ?? '',
    'overview.targetPeople': cover.overview.targetPeople ?? '',
    'overview.description': cover.overview.description ?? '',
    meetingOn: cover.meetingOn ?? '',
    'contractorSelection.method': cover.contractorSelection?.method ?? '',
    'contractorSelection.decisionNote': cover.contractorSelection?.decisionNote ?? '',
  };
  cover.parts.forEach((part, i) => {
    values[`parts.${i}.name`] = part.name;
    values[`parts.${i}.priorApproval`] = part.priorApproval ?? '';
    if (part.personalInfo) values[`parts.${i}.personalInfo`] = 'on';
    if (part.newlyAdded) values[`parts.${i}.newlyAdded`] = 'on';
  });
  return values;
}

/** How many part rows the form offers: those posted or recorded, and two more (at least four). */
function rowCount(values: FormValues): number {
  let highest = -1;
  for (const key of Object.keys(values)) {
    const m = /^parts\.(\d+)\./.exec(key);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return Math.min(Math.max(highest + 3, 4), 60);
}

/**
 * The cover as posted, and for each recorded part the form row it came from (rows without a
 * description are left out), so that a refusal of parts.N lands on its row.
 */
export function coverFromForm(values: FormValues): { cover: ReportCover; rowOf: number[] } {
  const v = (name: string) => firstValue(values[name]).trim();
  const kinds = values.outsourcingKinds;
  const rowOf: number[] = [];
  const parts: BundledPart[] = [];
  for (let row = 0; row < rowCount(values); row++) {
    const name = v(`parts.${row}.name`);
    const priorApproval = v(`parts.${row}.priorApproval`);
    if (!name && !priorApproval) continue;
    rowOf.push(row);
    parts.push({
      name,
      personalInfo: v(`parts.${row}.personalInfo`) === 'on',
      priorApproval: priorApproval || null,
      newlyAdded: v(`parts.${row}.newlyAdded`) === 'on',
    });
  }
  const method = v('contractorSelection.method');
  const decisionNote = v('contractorSelection.decisionNote');
  return {
    cover: {
      ordinanceArticle: v('ordinanceArticle') || null,
      outsourcingKinds: (Array.isArray(kinds) ? kinds : kinds ? [kinds] : []) as OutsourcingKind[],
      overview: {
        purpose: v('overview.purpose') || null,
        targetPeople: v('overview.targetPeople') || null,
        description: v('overview.description') || null,
      },
      meetingOn: v('meetingOn') || null,
      // a note without a method is kept so that it is refused rather than silently dropped
      contractorSelection: method || decisionNote ? { method, decisionNote: decisionNote || null } : null,
      parts,
    },
    rowOf,
  };
}

/** A domain path of the cover as the form's field name. */
export function coverField(rowOf: number[]) {
  return (path: string) => {
    const m = /^parts\.(\d+)\.(.+)$/.exec(path);
    if (m) return `parts.${rowOf[Number(m[1])] ?? m[1]}.${m[2]}`;
    if (path === 'parts') return 'parts.0.name';
    if (path.startsWith('outsourcingKinds')) return 'outsourcingKinds';
    return path;
  };
}

function Check({ f, name, label }: { f: Fields; name: string; label: string }) {
  return (
    <label>
      <input type="checkbox" id={fieldId(name)} name={name} checked={f.checked(name)} /> {label}
    </label>
  );
}

export function CoverForm({ p, f, item }: { p: PageCtx; f: Fields; item: CouncilReportItem }) {
  const t = p.t.council.cover;
  const count = rowCountOf(f);
  return (
    <form method="post" action={`/council/items/${item.id}/cover`} novalidate>
      <ErrorSummary p={p} f={f} />
      <Csrf p={p} />
      <input type="hidden" name="version" value={f.value('version')} />
      <TextField
        p={p}
        f={f}
        name="ordinanceArticle"
        label={t.ordinanceArticle}
        hint={t.ordinanceArticleHint}
        short
      />
      <ChoiceGroup
        p={p}
        f={f}
        name="outsourcingKinds"
        legend={t.outsourcingKinds}
        options={OUTSOURCING_KINDS.map((k) => ({ value: k, label: t.kinds[k]! }))}
      />
      <TextField p={p} f={f} name="meetingOn" label={t.meetingOn} hint={t.meetingOnHint} type="date" short />
      <fieldset class="field">
        <legend>{t.selectionLegend}</legend>
        <TextField
          p={p}
          f={f}
          name="contractorSelection.method"
          label={t.selectionMethod}
          hint={t.selectionMethodHint}
        />
        <TextField
          p={p}
          f={f}
          name="contractorSelection.decisionNote"
          label={t.decisionNote}
          hint={t.decisionNoteHint}
        />
      </fieldset>
      <fieldset class="field">
        <legend>{t.overview}</legend>
        <TextArea p={p} f={f} name="overview.purpose" label={t.purpose} rows={3} />
        <TextField p={p} f={f} name="overview.targetPeople" label={t.targetPeople} />
        <TextArea
          p={p}
          f={f}
          name="overview.description"
          label={t.description}
          hint={t.descriptionHint}
          rows={6}
        />
      </fieldset>
      <h3>{t.parts}</h3>
      <p class="hint">{t.partsHint}</p>
      {Array.from({ length: count }, (_, row) => (
        <fieldset class="field part">
          <legend>{t.part(row + 1)}</legend>
          <TextField p={p} f={f} name={`parts.${row}.name`} label={t.partName} />
          <div class="checks">
            <Check f={f} name={`parts.${row}.personalInfo`} label={t.partPersonalInfo} />
            <Check f={f} name={`parts.${row}.newlyAdded`} label={t.partNewlyAdded} />
          </div>
          <TextField
            p={p}
            f={f}
            name={`parts.${row}.priorApproval`}
            label={t.partPriorApproval}
            hint={row === 0 ? t.partPriorApprovalHint : undefined}
          />
        </fieldset>
      ))}
      <button type="submit">{t.submit}</button>
    </form>
  );
}

/** The rows a rendered form needs: up to the last one its values fill, and two more (at least four). */
function rowCountOf(f: Fields): number {
  let filled = 0;
  for (let row = 0; row < 60; row++) {
    if (f.value(`parts.${row}.name`) || f.value(`parts.${row}.priorApproval`)) filled = row + 1;
  }
  return Math.min(Math.max(filled + 2, 4), 60);
}
