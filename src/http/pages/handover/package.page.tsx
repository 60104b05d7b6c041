import type { Context } from 'hono';
import type { Role } from '../../../../policies/actor.js';
import type { Custody, HandoverPackage } from '../../../domain/handover/package.repository.js';
import { getPackage } from '../../../domain/handover/read-packages.js';
import { isAppError } from '../../../domain/shared/errors.js';
import { listUsers } from '../../../domain/users/manage-users.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Details, Lines, TimeText } from '../components/common.js';
import { type Fields, fields, type Option } from '../components/form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import {
  contractTitles,
  type ListedPerson,
  listedPeople,
  peopleOptions,
  sizeText,
  toLocal,
} from './shared.js';
import {
  BackForm,
  DecideForm,
  HandoverForm,
  ReturnForm,
  StartForm,
  StoreForm,
  TakeOutForm,
  VerifyForm,
  WithdrawForm,
} from './step-forms.js';
import { type FailedStep, type OfferedStep, offeredSteps } from './steps.js';
import { Timeline } from './timeline.js';

type Pkg = HandoverPackage & Custody;

const STAFF_ROLES: readonly Role[] = ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'];

/** The recipient's listed people, when the viewer may read that list (else none to choose). */
async function peopleOf(c: Context<AppEnv>, pkg: Pkg): Promise<ListedPerson[]> {
  try {
    return await listedPeople(useCaseContext(c), pkg.contractId, pkg.recipientOrgId);
  } catch (error) {
    if (isAppError(error)) return [];
    throw error;
  }
}

/** The ward's active staff who may hand something over, by name (the viewer's rules in the SQL). */
async function wardStaff(c: Context<AppEnv>, wardId: string): Promise<Option[]> {
  const ctx = useCaseContext(c);
  if (ctx.actor.wardId !== wardId) return [];
  const users = await listUsers(ctx, { organisationId: wardId, limit: 200 });
  return users.items
    .filter((u) => !u.disabled && u.roles.some((r) => STAFF_ROLES.includes(r)))
    .map((u) => ({ value: u.id, label: u.displayName }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ja'));
}

/** The form values a step starts with: the time now (Japan time) where a time is asked. */
function defaults(form: string, now: Date, userId: string): Record<string, string> {
  const at = toLocal(now);
  const time: Record<string, string> = {
    media: 'handedAt',
    password: 'handedAt',
    store: 'storedAt',
    start: 'outAt',
    back: 'backAt',
    return: 'handedAt',
  };
  const values: Record<string, string> = {};
  if (time[form]) values[`${form}.${time[form]}`] = at;
  if (form === 'takeOut') values['takeOut.outAt'] = at;
  if (form === 'media' || form === 'password' || form === 'return')
    values[`${form}.identityMethod`] = 'employee_card';
  // 渡した職員: the signed-in officer unless another is chosen
  if (form === 'media' || form === 'password') values[`${form}.givenBy`] = userId;
  if (form === 'return') values['return.noticeReturned'] = 'on';
  return values;
}

function StepForm(props: {
  p: PageCtx;
  pkg: Pkg;
  step: OfferedStep;
  f: Fields;
  people: ListedPerson[];
  names: Map<string, string>;
  staff: Option[];
}) {
  const { p, pkg, step, f, people, names, staff } = props;
  const base = `/handover/${pkg.id}`;
  const common = { p, f, version: pkg.version, people: peopleOptions(p, people) };
  const takeOut = pkg.takeOuts.find((t) => t.id === step.takeOutId);
  const summary = takeOut
    ? `${p.t.handover.purposes[takeOut.purpose]}：${takeOut.purposeDetail}（${takeOut.contents}、${names.get(takeOut.handlerId) ?? ''}）`
    : '';
  const tAction = `${base}/take-outs/${step.takeOutId}`;
  switch (step.form) {
    case 'media':
    case 'password':
      return (
        <HandoverForm {...common} staff={staff} kind={step.form} action={`${base}/${step.form}-handover`} />
      );
    case 'store':
      return <StoreForm {...common} people={peopleOptions(p, people, true)} action={`${base}/storage`} />;
    case 'takeOut':
      return <TakeOutForm {...common} action={`${base}/take-outs`} />;
    case 'decide':
      return <DecideForm {...common} action={tAction} summary={summary} />;
    case 'start':
      return <StartForm {...common} action={`${tAction}/start`} summary={summary} />;
    case 'back':
      return <BackForm {...common} action={`${tAction}/bring-back`} summary={summary} />;
    case 'return':
      return <ReturnForm {...common} action={`${base}/return`} />;
    case 'verify':
      return <VerifyForm {...common} action={`${base}/verify-return`} />;
    case 'withdraw':
      return <WithdrawForm {...common} action={`${base}/withdraw`} />;
  }
}

/**
 * 受渡データの記録: what the package holds, its chain of custody, and the forms of the steps the
 * viewer may record now. `failed` is a step form just refused: shown again with its values and errors.
 */
export async function packagePage(c: Context<AppEnv>, failed?: FailedStep) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const t = p.t.handover;
  const pkg = await getPackage(ctx, c.req.param('id')!);
  const [titles, orgs, people] = [
    await contractTitles(ctx, [pkg.contractId]),
    await organisationNames(ctx, [pkg.recipientOrgId]),
    await peopleOf(c, pkg),
  ];
  const names = new Map(people.map((x) => [x.id, x.name]));
  const steps = offeredSteps(viewer, pkg);
  const staff = steps.some((s) => s.form === 'media' || s.form === 'password')
    ? await wardStaff(c, pkg.wardId)
    : [];
  const company = viewer.actor.organisationKind === 'company';
  return sendPage(
    c,
    <Layout p={p} title={`${pkg.title}（${pkg.number}）`}>
      <p>
        <Badge status={pkg.status} label={t.packageStatus[pkg.status]} />
      </p>
      <section aria-labelledby="particulars">
        <h2 id="particulars">{t.particulars}</h2>
        <Details
          rows={[
            [t.columns.number, pkg.number],
            [
              t.contract,
              <a href={`/contracts/${pkg.contractId}`}>{titles.get(pkg.contractId) ?? pkg.contractId}</a>,
            ],
            [t.recipient, orgs.get(pkg.recipientOrgId) ?? '—'],
            [
              t.contents,
              <Lines
                p={p}
                lines={pkg.items.map(
                  (i) => `${i.subjectGroup}：${i.name}（${p.t.register.directions[i.direction]}）`,
                )}
              />,
            ],
            [
              t.fileList,
              <Lines p={p} lines={pkg.files.map((f) => `${f.name}（${sizeText(f.sizeBytes)}）`)} />,
            ],
            [t.sha256, <code class="hash">{pkg.ciphertextSha256}</code>],
            [t.size, sizeText(pkg.ciphertextBytes)],
            [t.encryption, `JWE ${pkg.jweAlg} / ${pkg.jweEnc}（PBES2 ${pkg.pbes2Count}）`],
            [t.preparedBy, <TimeText at={pkg.preparedAt} />],
            [t.storage, pkg.storagePlace ?? p.t.common.none],
            [
              t.keyHolder,
              pkg.keyHolderHandlerId ? (names.get(pkg.keyHolderHandlerId) ?? '—') : p.t.common.none,
            ],
          ]}
        />
        {company && (
          <p>
            <a href="/api/v1/handover-packages/open">{t.opener}</a>
          </p>
        )}
      </section>
      <Timeline p={p} pkg={pkg} names={names} />
      <section aria-labelledby="steps">
        <h2 id="steps">{t.steps}</h2>
        {steps.length === 0 && <p>{t.noSteps}</p>}
        {steps.map((step) => {
          const key = step.form;
          const sent = failed?.form === key;
          const f = sent
            ? fields(failed.values, failed.errors)
            : fields(defaults(key, ctx.now(), viewer.actor.userId));
          return <StepForm p={p} pkg={pkg} step={step} f={f} people={people} names={names} staff={staff} />;
        })}
      </section>
    </Layout>,
    failed?.status ?? 200,
  );
}
