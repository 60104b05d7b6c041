import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { QUESTION_LABELS, YES_NO_QUESTIONS } from '../../../../forms/breach-reporting/index.js';
import { actOnIncident, type IncidentCommand } from '../../../domain/incidents/act-on-incident.js';
import { judgmentOf } from '../../../domain/incidents/breach-commands.js';
import type { BreachRegisterHints } from '../../../domain/incidents/breach-register-hints.js';
import type { Incident } from '../../../domain/incidents/incident.repository.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
import { Badge, DateText, TableWrap, TimeText } from '../components/common.js';
import {
  ChoiceGroup,
  Csrf,
  type Fields,
  type FormValues,
  formErrors,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import type { PageCtx } from '../page-context.js';
import { pageCtx } from '../page-context.js';

// 漏えい等報告 on the incident page: the questions that decide it (the ward's), the judgment with
// its reasons and articles, the due days of 速報 and 確報 in 令和, recording each report as sent,
// and the report's content as PDF and CSV. The rules and the judgment are the domain's; this only
// shows them and sends the answers through the same commands as the API.

const KINDS = ['preliminary', 'final', 'notice'] as const;
type Kind = (typeof KINDS)[number];

/** The answers as the form holds them, from what the incident stored (or the incident's own facts). */
export function breachFormValues(incident: Incident): FormValues {
  const a = incident.breach.answers;
  if (!a)
    return {
      learnedOn: new Date(incident.discoveredAt.getTime() + 9 * 3600_000).toISOString().slice(0, 10),
      personsAffected: incident.recordCount === null ? '' : String(incident.recordCount),
    };
  return {
    learnedOn: a.learnedOn,
    personsAffected: a.personsAffected === null ? '' : String(a.personsAffected),
    myNumberPersonsAffected: a.myNumberPersonsAffected === null ? '' : String(a.myNumberPersonsAffected),
    conditions: YES_NO_QUESTIONS.filter((q) => a[q]),
  };
}

function Judgment({ p, incident, today }: { p: PageCtx; incident: Incident; today: string }) {
  const t = p.t.breach;
  const j = judgmentOf(incident);
  if (!j) return null;
  const b = incident.breach;
  const sent: Record<Kind, string | null> = {
    preliminary: b.preliminarySentOn,
    final: b.finalSentOn,
    notice: b.personsNotifiedOn,
  };
  const due: Record<Kind, unknown> = {
    preliminary: j.preliminary && (
      <>
        <DateText p={p} date={j.preliminary.dueOn} />（{t.preliminaryDue(j.preliminary.days)}）
      </>
    ),
    final: j.final && (
      <>
        <DateText p={p} date={j.final.dueOn} />（{t.finalDue(j.final.days)}）
      </>
    ),
    notice: j.noticeToPersons.required ? t.noticeDue : null,
  };
  const overdue = (k: Kind) =>
    !sent[k] &&
    ((k === 'preliminary' && j.preliminary?.dueOn) || (k === 'final' && j.final?.dueOn) || '9999') < today;
  return (
    <div class="breach-judgment">
      <p>
        <Badge
          status={j.municipality.required ? 'returned' : 'closed'}
          label={j.municipality.required ? t.required : t.notRequired}
        />{' '}
        <span>
          {t.assessedAt} <TimeText at={b.assessedAt} />・{t.rulesVersion(j.rulesVersion)}
        </span>
      </p>
      {j.excludedByEncryption && <p>{t.excludedByEncryption}</p>}
      <h3>{t.reasons}</h3>
      {j.municipality.matched.length ? (
        <ul>
          {j.municipality.matched.map((m) => (
            <li>
              {p.msg(m.label)}（{m.source.law} {m.source.article}）
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noReasons}</p>
      )}
      <h3>{t.contractorTitle}</h3>
      <p>
        {j.contractor.relievedBy
          ? t.contractorRelieved(j.contractor.relievedBy.map((r) => r.article).join('、'))
          : j.contractor.mustReport
            ? t.contractorMust
            : t.contractorNot}
      </p>
      <p>{j.noticeToPersons.required ? t.noticeRequired : t.noticeNotRequired}</p>
      {j.municipality.required && (
        <>
          <h3>{t.deadlines}</h3>
          <TableWrap p={p} label={t.deadlines}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.columns.report}</th>
                  <th scope="col">{t.columns.due}</th>
                  <th scope="col">{t.columns.sent}</th>
                </tr>
              </thead>
              <tbody>
                {KINDS.map((k) => (
                  <tr id={`breach-${k}`}>
                    <th scope="row">{t.reports[k]}</th>
                    <td>
                      {due[k] as never}
                      {overdue(k) && (
                        <>
                          {' '}
                          <Badge status="returned" label={p.t.inbox.overdue} />
                        </>
                      )}
                    </td>
                    <td>{sent[k] ? <DateText p={p} date={sent[k]} /> : t.notSent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="hint">
            {t.practice} {t.dayCount}
          </p>
        </>
      )}
      <h3>{t.documents}</h3>
      <ul>
        <li>
          <a href={`/incidents/${incident.id}/breach-report.pdf`}>{t.pdf}</a>
        </li>
        <li>
          <a href={`/incidents/${incident.id}/breach-report.csv`} download>
            {t.csv}
          </a>
        </li>
      </ul>
    </div>
  );
}

function RecordForms({ p, incident, f }: { p: PageCtx; incident: Incident; f: Fields }) {
  const t = p.t.breach;
  const b = incident.breach;
  const pending = KINDS.filter(
    (k) => !{ preliminary: b.preliminarySentOn, final: b.finalSentOn, notice: b.personsNotifiedOn }[k],
  );
  return (
    <>
      {pending.map((k) => (
        <form
          method="post"
          action={`/incidents/${incident.id}/breach/record/${k}`}
          novalidate
          class="decision"
          aria-label={t.record(t.reports[k]!)}
        >
          <Csrf p={p} />
          <input type="hidden" name="version" value={String(incident.version)} />
          <TextField
            p={p}
            f={f}
            name={`sentOn-${k}`}
            label={`${t.reports[k]}：${t.sentOn}`}
            type="date"
            short
            required
          />
          <div class="actions">
            <button type="submit" data-confirm={t.recordConfirm(t.reports[k]!)}>
              {t.record(t.reports[k]!)}
            </button>
          </div>
        </form>
      ))}
    </>
  );
}

/** The section of the incident page; `commands` are what the viewer may do now. */
export function BreachSection({
  p,
  incident,
  f,
  commands,
  today,
  hints,
}: {
  p: PageCtx;
  incident: Incident;
  f: Fields;
  commands: IncidentCommand[];
  /** What the contract's register holds: 特定個人情報, special categories. */
  hints: BreachRegisterHints;
  /** Today in Japan, by the use case's clock. */
  today: string;
}) {
  const t = p.t.breach;
  const assessed = incident.breach.answers !== null;
  const label = (q: keyof typeof QUESTION_LABELS) => p.msg(QUESTION_LABELS[q]);
  return (
    <section aria-labelledby="breach-report" id="breach">
      <h2 id="breach-report">{t.title}</h2>
      <p>{t.intro}</p>
      {assessed ? (
        <Judgment p={p} incident={incident} today={today} />
      ) : (
        <p>{commands.includes('assess-breach') ? t.notAssessed : t.notAssessedReader}</p>
      )}
      {commands.includes('record-breach-report') && assessed && (
        <RecordForms p={p} incident={incident} f={f} />
      )}
      {commands.includes('assess-breach') && (
        <form
          method="post"
          action={`/incidents/${incident.id}/breach/assess`}
          novalidate
          class="decision"
          aria-label={t.questionsTitle}
        >
          <h3>{t.questionsTitle}</h3>
          <p class="hint">{t.questionsHint}</p>
          {(hints.myNumberItems.length > 0 || hints.specialItems.length > 0) && (
            <ul class="hint" aria-label={t.registerHints}>
              {hints.myNumberItems.length > 0 && (
                <li>{t.registerMyNumber(hints.myNumberItems.join('、'))}</li>
              )}
              {hints.specialItems.length > 0 && <li>{t.registerSpecial(hints.specialItems.join('、'))}</li>}
            </ul>
          )}
          <Csrf p={p} />
          <input type="hidden" name="version" value={String(incident.version)} />
          <TextField p={p} f={f} name="learnedOn" label={label('learnedOn')} type="date" short required />
          <TextField
            p={p}
            f={f}
            name="personsAffected"
            label={label('personsAffected')}
            hint={t.countHint}
            inputmode="numeric"
            short
          />
          <ChoiceGroup
            p={p}
            f={f}
            name="conditions"
            legend={t.conditions}
            options={YES_NO_QUESTIONS.map((q) => ({ value: q, label: label(q) }))}
          />
          <TextField
            p={p}
            f={f}
            name="myNumberPersonsAffected"
            label={label('myNumberPersonsAffected')}
            hint={t.countHint}
            inputmode="numeric"
            short
          />
          <div class="actions">
            <button type="submit">{assessed ? t.reassess : t.assess}</button>
          </div>
        </form>
      )}
    </section>
  );
}

const count = z.union([
  z.literal('').transform(() => null),
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);
const AssessForm = z.object({
  learnedOn: DateSchema,
  personsAffected: count,
  myNumberPersonsAffected: count,
});
/** Form names of the domain's paths (breach.learnedOn → learnedOn). */
const toField = (path: string) => path.replace(/^breach\./, '');

type Show = (
  c: Context<AppEnv>,
  values: FormValues,
  errors: ReturnType<typeof formErrors>,
  status: number,
) => Promise<Response>;

/** 判定する: the answers through the same command as the API; refusals beside the fields. */
export async function assessBreachAction(c: Context<AppEnv>, show: Show) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const conditions = [raw.conditions ?? []].flat();
  const values: FormValues = {
    learnedOn: firstValue(raw.learnedOn),
    personsAffected: firstValue(raw.personsAffected).trim(),
    myNumberPersonsAffected: firstValue(raw.myNumberPersonsAffected).trim(),
    conditions,
  };
  const parsed = AssessForm.safeParse(values);
  if (!parsed.success) return show(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  const breach = {
    ...parsed.data,
    ...Object.fromEntries(YES_NO_QUESTIONS.map((q) => [q, conditions.includes(q)])),
  } as Parameters<typeof actOnIncident>[3]['breach'];
  try {
    await actOnIncident(
      useCaseContext(c),
      c.req.param('id')!,
      'assess-breach',
      { breach },
      versionOf(raw) ?? 0,
    );
  } catch (error) {
    const refused = refusal(p, error, toField);
    return show(c, values, refused.errors, refused.status);
  }
  return c.redirect(`/incidents/${c.req.param('id')}?notice=saved#breach-report`, 303);
}

/** 送付済みとして記録: 速報, 確報 or 本人通知 with its day. */
export async function recordBreachReportAction(c: Context<AppEnv>, show: Show) {
  const p = pageCtx(c);
  const kind = KINDS.find((k) => k === c.req.param('kind'));
  if (!kind) return c.notFound();
  const raw = await readForm(c);
  const field = `sentOn-${kind}`;
  const sentOn = firstValue(raw[field]);
  const values: FormValues = { [field]: sentOn };
  const parsed = DateSchema.safeParse(sentOn);
  if (!parsed.success) return show(c, values, [{ field, text: p.t.breach.enterDate }], 422);
  try {
    await actOnIncident(
      useCaseContext(c),
      c.req.param('id')!,
      'record-breach-report',
      { reportKind: kind, sentOn: parsed.data },
      versionOf(raw) ?? 0,
    );
  } catch (error) {
    const refused = refusal(p, error, (path) => (path === 'sentOn' ? field : path));
    return show(c, values, refused.errors, refused.status);
  }
  return c.redirect(`/incidents/${c.req.param('id')}?notice=saved#breach-report`, 303);
}
