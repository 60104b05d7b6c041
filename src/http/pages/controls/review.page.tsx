import type { Context } from 'hono';
import {
  completeContractReview,
  contractReviewActions,
  getContractReview,
  listContractReviews,
} from '../../../domain/contract-reviews/contract-reviews.js';
import { CHANGE_NAMES, type ReviewChanges } from '../../../domain/contract-reviews/review-changes.js';
import { readReviewCycle, setReviewCycle } from '../../../domain/contract-reviews/review-cycles.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { ConflictError, ValidationError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, DateText, Details, TimeText } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// 契約の見直し: the contract's review cycle (見直し周期), the review due with what changed since the
// last one and the form completing it, and the reviews made before.

function ChangesList({ p, changes }: { p: PageCtx; changes: ReviewChanges }) {
  return (
    <ul class="review-changes">
      {(Object.keys(CHANGE_NAMES) as (keyof ReviewChanges)[]).map((k) => (
        <li data-change={k}>
          {p.msg(CHANGE_NAMES[k])}：{changes[k]}
        </li>
      ))}
    </ul>
  );
}

async function showReview(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.controls;
  const contractId = c.req.param('id')!;
  const contract = await getContract(ctx, contractId);
  const cycle = await readReviewCycle(ctx, contractId);
  const open = cycle.openReview ? await getContractReview(ctx, cycle.openReview.id) : null;
  const history = await listContractReviews(ctx, { contractId, status: 'completed', limit: 20 });
  const canSet = ctx.ability.can('update', 'ContractReview');
  const actions = open ? contractReviewActions(viewerOf(p), open) : [];
  const f = fields(
    Object.keys(values).length ? values : { months: cycle.months === null ? '' : String(cycle.months) },
    errors,
  );
  return sendPage(
    c,
    <Layout p={p} title={t.reviewTitle(contract.title)}>
      <ErrorSummary p={p} f={f} />
      <p>
        <a href={`/contracts/${contract.id}`}>{t.backToContract}</a> ・{' '}
        <a href={`/contracts/${contract.id}/controls`}>{t.coverageLink}</a>
      </p>
      <p>{t.reviewIntro}</p>
      <section aria-labelledby="cycle">
        <h2 id="cycle">{t.cycle}</h2>
        <p data-cycle>{cycle.months === null ? t.cycleNone : t.cycleValue(cycle.months)}</p>
        {canSet && (
          <form
            method="post"
            action={`/contracts/${contract.id}/review/cycle`}
            novalidate
            aria-label={t.saveCycle}
          >
            <Csrf p={p} />
            <input type="hidden" name="version" value={String(cycle.version)} />
            <TextField
              p={p}
              f={f}
              name="months"
              label={t.cycleMonths}
              hint={t.cycleHint}
              inputmode="numeric"
              short
            />
            <div class="actions">
              <button type="submit">{t.saveCycle}</button>
            </div>
          </form>
        )}
      </section>
      <section aria-labelledby="open-review">
        <h2 id="open-review">{t.openReview}</h2>
        {!open ? (
          <p>{t.noOpenReview}</p>
        ) : (
          <>
            <Details
              rows={
                [
                  [
                    t.dueOn,
                    <span>
                      <DateText p={p} date={open.dueOn} />{' '}
                      {open.overdue && <Badge status="returned" label={t.overdue} />}
                    </span>,
                  ],
                  [t.since, <TimeText at={open.since} />],
                ] as never
              }
            />
            <h3>{t.changes}</h3>
            {open.changesSince && <ChangesList p={p} changes={open.changesSince} />}
            {actions.includes('complete') && (
              <form
                method="post"
                action={`/contracts/${contract.id}/review/complete`}
                novalidate
                class="decision"
                aria-label={t.complete}
              >
                <Csrf p={p} />
                <input type="hidden" name="version" value={String(open.version)} />
                <input type="hidden" name="reviewId" value={open.id} />
                <TextArea p={p} f={f} name="note" label={t.note} rows={4} required />
                <div class="actions">
                  <button type="submit">{t.complete}</button>
                </div>
              </form>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="review-history">
        <h2 id="review-history">{t.history}</h2>
        {history.items.length === 0 ? (
          <p>{t.noHistory}</p>
        ) : (
          <ul class="review-history">
            {history.items.map((r) => (
              <li data-review={r.id}>
                <TimeText at={r.completedAt} />：<span class="pre">{r.note}</span>
                {r.changes && <ChangesList p={p} changes={r.changes} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>,
    status,
  );
}

export const contractReviewPage = (c: Context<AppEnv>) => showReview(c);

/** 見直し周期の保存: empty for none, else whole months 1–60 (422 otherwise, nothing changed). */
export async function setReviewCycleAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const text = firstValue(raw.months).trim();
  const months = text === '' ? null : Number(text);
  const version = Number(firstValue(raw.version));
  const values = { months: text };
  if (months !== null && !(Number.isInteger(months) && months >= 1 && months <= 60)) {
    const error = new ValidationError(
      { en: 'Months from 1 to 60', ja: '見直し周期は1〜60か月で入力してください' },
      [{ path: 'months', message: 'an integer from 1 to 60', message_ja: '1〜60の整数で入力してください' }],
    );
    return showReview(c, values, refusal(p, error).errors, 422);
  }
  try {
    await setReviewCycle(
      useCaseContext(c),
      c.req.param('id')!,
      months,
      Number.isInteger(version) ? version : -1,
    );
  } catch (error) {
    const refused = refusal(p, error);
    return showReview(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/contracts/${c.req.param('id')}/review`, 'saved');
}

/** 見直しの完了 on the shared step runner; a missing note comes back beside its field. */
export async function completeReviewAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const note = firstValue(raw.note);
  const reviewId = firstValue(raw.reviewId);
  const ctx = useCaseContext(c);
  const contractId = c.req.param('id')!;
  // the review must be this contract's: anything else answers as if it did not exist
  const cycle = await readReviewCycle(ctx, contractId);
  if (!cycle.openReview || cycle.openReview.id !== reviewId) {
    const stale = new ConflictError({
      en: 'This review is no longer due (completed or cancelled meanwhile)',
      ja: 'この見直しは完了又は取消し済みです',
    });
    return showReview(c, { note }, refusal(p, stale).errors, 409);
  }
  try {
    await completeContractReview(ctx, reviewId, { note }, versionOf(raw) ?? 0);
  } catch (error) {
    const refused = refusal(p, error);
    return showReview(c, { note }, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/contracts/${contractId}/review`, 'saved');
}
