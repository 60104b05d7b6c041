import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import type { AccessLogReviewInterval } from '../../../db/tables/access-log-reviews.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import {
  getAccessLogReview,
  readReviewInterval,
  setReviewInterval,
} from '../../../domain/my-number/access-log-reviews.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { ChoiceGroup, Csrf, type Fields, type FormError, type FormValues } from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice } from '../render.js';

// 確認の頻度 (monthly or quarterly) of a My Number contract, on its reviews' page: everyone who reads
// the review sees it; whoever may edit the contract (the city's officer) sets it through the same
// use case as PUT /api/v1/access-log-reviews/intervals/{contractId}.

const INTERVALS: readonly string[] = ['monthly', 'quarterly'] satisfies AccessLogReviewInterval[];

export interface IntervalView {
  interval: string;
  chosen: boolean;
  version: number;
  mayChange: boolean;
}

/** The contract's interval and whether this viewer may change it. */
export async function intervalView(c: Context<AppEnv>, contractId: string): Promise<IntervalView> {
  const ctx = useCaseContext(c);
  const [setting, contract] = await Promise.all([
    readReviewInterval(ctx, contractId),
    getContract(ctx, contractId),
  ]);
  return {
    ...setting,
    mayChange:
      ctx.actor.wardId === contract.wardId && ctx.ability.can('update', asSubject('Contract', contract)),
  };
}

export function IntervalSection({
  p,
  reviewId,
  view,
  f,
}: {
  p: PageCtx;
  reviewId: string;
  view: IntervalView;
  f: Fields;
}) {
  const t = p.t.accessLogReviews;
  const chosen = f.value('interval') || view.interval;
  return (
    <section aria-labelledby="review-interval">
      <h2 id="review-interval">{t.intervalTitle}</h2>
      <p>
        {t.interval[view.interval] ?? view.interval}
        {!view.chosen && ` ${t.intervalDefault}`}
      </p>
      {view.mayChange && (
        <form method="post" action={`/access-log-reviews/${reviewId}/interval`} novalidate>
          <Csrf p={p} />
          <input type="hidden" name="intervalVersion" value={String(view.version)} />
          <ChoiceGroup
            p={p}
            f={{ ...f, checked: (_name, value) => value === chosen }}
            name="interval"
            legend={t.intervalTitle}
            hint={t.intervalIntro}
            type="radio"
            options={INTERVALS.map((value) => ({ value, label: t.interval[value]! }))}
          />
          <div class="actions">
            <button type="submit">{t.intervalSave}</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** POST /access-log-reviews/:id/interval: the interval of the review's contract. */
export async function setIntervalAction(
  c: Context<AppEnv>,
  showReview: (
    c: Context<AppEnv>,
    values: FormValues,
    errors: FormError[],
    status: number,
  ) => Promise<Response>,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const review = await getAccessLogReview(ctx, c.req.param('id')!);
  const raw = await readForm(c);
  const interval = firstValue(raw.interval);
  const version = Number(firstValue(raw.intervalVersion));
  if (!INTERVALS.includes(interval)) {
    const choose = { ja: '確認の頻度を選んでください', en: 'Choose the review interval' };
    return showReview(c, { interval }, [{ field: 'interval', text: p.msg(choose) }], 422);
  }
  try {
    await setReviewInterval(
      ctx,
      review.contractId,
      interval as AccessLogReviewInterval,
      Number.isInteger(version) && version >= 0 ? version : -1,
    );
  } catch (error) {
    const refused = refusal(p, error, () => 'interval');
    return showReview(c, { interval }, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/access-log-reviews/${review.id}`, 'saved');
}
