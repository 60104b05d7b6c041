import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { declareDevice } from '../../../domain/devices/declare-device.js';
import {
  actOnDevice,
  DEVICE_COMMANDS,
  type DeviceDeclaration,
  deviceActions,
  getDeviceDeclaration,
  listDeviceDeclarations,
} from '../../../domain/devices/devices.js';
import { readHandlerLists } from '../../../domain/handlers/handler-lists.js';
import { nameMyNumberAreas, readMyNumberProfile } from '../../../domain/my-number/my-number.js';
import { notFound } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { requiredText, text } from '../../schemas/common.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
import { Badge, DateText, Details, TableWrap } from '../components/common.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fieldId,
  fields,
  formErrors,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// 情報機器等の持込み (seed 004 5(3)) on a contract: the register of declared devices with the
// municipality's decisions and the buttons each reader may press (from deviceActions), the company
// manager's declaration form, and the My Number profile: whether the contract holds 特定個人情報, its
// handling areas (the officer names them) and the staff the roster allows to handle it.

function DeviceRow({ p, d, f }: { p: PageCtx; d: DeviceDeclaration; f: ReturnType<typeof fields> }) {
  const t = p.t.devices;
  const commands = deviceActions(viewerOf(p), d);
  const commentName = `comment-${d.id}`;
  return (
    <tr>
      <th scope="row">{d.deviceName}</th>
      <td class="pre" data-label={t.fields.specification}>
        {d.specification}
      </td>
      <td class="pre" data-label={t.fields.purpose}>
        {d.purpose}
      </td>
      <td data-label={`${t.fields.storagePlace} ／ ${t.fields.usePlace}`}>
        {d.storagePlace} ／ {d.usePlace}
      </td>
      <td class="nowrap" data-label={t.fields.bringFrom}>
        <DateText p={p} date={d.bringFrom} />
      </td>
      <td class="nowrap" data-label={t.fields.declarant}>
        {d.declarant.fullName}
      </td>
      <td data-label={t.fields.status}>
        <Badge status={d.status} label={t.status[d.status]} />
      </td>
      <td data-label={t.fields.decision}>
        {/* one grid cell on a phone: the comment with the decision form under it */}
        <div>
          {d.decisionComment ?? d.withdrawalReason ?? '—'}
          {commands.length > 0 && (
            <form
              method="post"
              action={`/contracts/${d.contractId}/devices/${d.id}/act`}
              novalidate
              aria-label={t.actFor(d.deviceName)}
            >
              <Csrf p={p} />
              <input type="hidden" name="version" value={String(d.version)} />
              <label class="sr-only" for={fieldId(commentName)}>
                {t.commentFor(d.deviceName)}
              </label>
              {f.errors(commentName).map((e) => (
                <p class="field-error" id={`${fieldId(commentName)}-error`}>
                  {e}
                </p>
              ))}
              <textarea id={fieldId(commentName)} name="comment" rows={2}>
                {f.value(commentName)}
              </textarea>
              <div class="actions">
                {commands.map((command) => (
                  <button
                    type="submit"
                    name="command"
                    value={command}
                    class={command === 'permit' ? undefined : 'danger'}
                    data-confirm={t.confirm[command]}
                  >
                    {t.commands[command]}
                  </button>
                ))}
              </div>
            </form>
          )}
        </div>
      </td>
    </tr>
  );
}

async function showDevices(
  c: Context<AppEnv>,
  values: FormValues = {},
  errors: FormError[] = [],
  status = 200,
) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const contract = await getContract(ctx, c.req.param('id')!);
  // whoever may not read the contract's devices (council reviewers) is not shown the page
  mayDo(c, 'read', 'DeviceDeclaration', {
    wardId: contract.wardId,
    organisationId: contract.contractorOrgId,
    chainOrgIds: contract.chainOrgIds,
  });
  const t = p.t.devices;
  const [devices, profile, lists] = await Promise.all([
    listDeviceDeclarations(ctx, { contractId: contract.id, limit: 100 }),
    readMyNumberProfile(ctx, contract.id),
    readHandlerLists(ctx, contract.id),
  ]);
  const orgId = ctx.actor.organisationId;
  const mayDeclare =
    contract.contractorOrgId === orgId &&
    ctx.ability.can('create', asSubject('DeviceDeclaration', { organisationId: orgId }));
  const mayNameAreas =
    ctx.actor.wardId === contract.wardId && ctx.ability.can('update', asSubject('Contract', contract));
  const entries = lists.current.flatMap((l) => l.entries);
  const leads = lists.current
    .filter((l) => l.organisationId === orgId)
    .flatMap((l) => l.entries)
    .filter((e) => e.role === 'task_lead' || e.role === 'deputy_task_lead');
  const f = fields(values, errors);
  return sendPage(
    c,
    <Layout p={p} title={t.title(contract.title)}>
      <ErrorSummary p={p} f={f} />
      <p>
        <a href={`/contracts/${contract.id}`}>{t.back}</a>
      </p>
      <p>{t.intro}</p>
      <section aria-labelledby="device-register">
        <h2 id="device-register">{t.register}</h2>
        {devices.items.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <TableWrap p={p} label={t.register}>
            <table class="cards">
              <caption class="sr-only">{t.register}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.fields.deviceName}</th>
                  <th scope="col">{t.fields.specification}</th>
                  <th scope="col">{t.fields.purpose}</th>
                  <th scope="col">
                    {t.fields.storagePlace} ／ {t.fields.usePlace}
                  </th>
                  <th scope="col">{t.fields.bringFrom}</th>
                  <th scope="col">{t.fields.declarant}</th>
                  <th scope="col">{t.fields.status}</th>
                  <th scope="col">{t.fields.decision}</th>
                </tr>
              </thead>
              <tbody>
                {devices.items.map((d) => (
                  <DeviceRow p={p} d={d} f={f} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      {mayDeclare && (
        <section aria-labelledby="declare-device">
          <h2 id="declare-device">{t.declare}</h2>
          <form method="post" action={`/contracts/${contract.id}/devices`} novalidate>
            <Csrf p={p} />
            <SelectField
              p={p}
              f={f}
              name="declarantHandlerId"
              label={t.fields.declarant}
              hint={t.declareHint}
              required
              blank=""
              options={leads.map((e) => ({
                value: e.handlerId,
                label: `${e.handler.fullName}（${p.t.roles.handler[e.role]}・${e.task ?? ''}）`,
              }))}
            />
            <TextField p={p} f={f} name="deviceName" label={t.fields.deviceName} required />
            <TextArea p={p} f={f} name="specification" label={t.fields.specification} rows={2} required />
            <TextArea p={p} f={f} name="purpose" label={t.fields.purpose} rows={2} required />
            <TextField p={p} f={f} name="storagePlace" label={t.fields.storagePlace} required />
            <TextField p={p} f={f} name="usePlace" label={t.fields.usePlace} required />
            <TextField p={p} f={f} name="bringFrom" label={t.fields.bringFrom} type="date" short required />
            <div class="field">
              {f.errors('noNetworkAcknowledged').map((e) => (
                <p class="field-error" id={`${fieldId('noNetworkAcknowledged')}-error`}>
                  {e}
                </p>
              ))}
              <label>
                <input
                  type="checkbox"
                  name="noNetworkAcknowledged"
                  value="on"
                  checked={f.checked('noNetworkAcknowledged')}
                />
                {t.fields.noNetwork}
              </label>
            </div>
            <div class="actions">
              <button type="submit">{t.submit}</button>
            </div>
          </form>
        </section>
      )}
      <section aria-labelledby="my-number">
        <h2 id="my-number">{t.myNumber}</h2>
        <p>{profile.myNumberContract ? t.myNumberYes : t.myNumberNo}</p>
        {profile.myNumberContract && (
          <>
            <Details
              rows={[
                [t.myNumberItems, profile.items.join('、')],
                [t.areas, profile.areas.length ? profile.areas.join('、') : t.areasNone],
                [
                  t.staff,
                  entries
                    .filter((e) => e.handlesMyNumber)
                    .map((e) => e.handler.fullName)
                    .join('、') || t.staffNone,
                ],
                [t.basis, p.lang === 'ja' ? profile.basis.ja : profile.basis.en],
              ]}
            />
            {mayNameAreas && (
              <form method="post" action={`/contracts/${contract.id}/my-number/areas`} novalidate>
                <Csrf p={p} />
                <input type="hidden" name="version" value={String(profile.areasVersion)} />
                <TextArea
                  p={p}
                  f={fields(
                    values.areas === undefined ? { areas: profile.areas.join('\n') } : values,
                    errors,
                  )}
                  name="areas"
                  label={t.areasEdit}
                  rows={3}
                />
                <div class="actions">
                  <button type="submit" class="secondary">
                    {t.areasSave}
                  </button>
                </div>
              </form>
            )}
          </>
        )}
      </section>
    </Layout>,
    status,
  );
}

export const devicesPage = (c: Context<AppEnv>) => showDevices(c);

const DeclareForm = z.object({
  declarantHandlerId: z.uuid(),
  deviceName: requiredText(200),
  specification: requiredText(2000),
  purpose: requiredText(2000),
  storagePlace: requiredText(500),
  usePlace: requiredText(500),
  bringFrom: DateSchema,
});
const DECLARE_FIELDS = [
  'declarantHandlerId',
  'deviceName',
  'specification',
  'purpose',
  'storagePlace',
  'usePlace',
  'bringFrom',
];

/** 持込みの届出: checked by the use case; refusals come back beside the fields. */
export async function declareDeviceAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(DECLARE_FIELDS.map((k) => [k, firstValue(raw[k])]));
  if (firstValue(raw.noNetworkAcknowledged) === 'on') values.noNetworkAcknowledged = 'on';
  const parsed = DeclareForm.safeParse(values);
  if (!parsed.success) return showDevices(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    await declareDevice(useCaseContext(c), {
      ...parsed.data,
      contractId: c.req.param('id')!,
      noNetworkAcknowledged: values.noNetworkAcknowledged === 'on',
    });
  } catch (error) {
    const refused = refusal(p, error);
    return showDevices(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/contracts/${c.req.param('id')}/devices`, 'submitted');
}

/** 許可・不許可・取下げ of one device, back on its contract's page (a device of another contract is not found). */
export async function deviceStepAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const command = DEVICE_COMMANDS.find((k) => k === firstValue(raw.command));
  if (!command) return c.notFound();
  const ctx = useCaseContext(c);
  const contractId = c.req.param('id')!;
  const id = c.req.param('deviceId')!;
  const device = await getDeviceDeclaration(ctx, id);
  if (device.contractId !== contractId) throw notFound('Device declaration', '情報機器等の持込み');
  const field = `comment-${id}`;
  const values: FormValues = { [field]: firstValue(raw.comment) };
  const comment = text(2000).safeParse(values[field]);
  if (!comment.success)
    return showDevices(
      c,
      values,
      formErrors(p, zodErrors(comment.error), () => field),
      422,
    );
  try {
    await actOnDevice(ctx, id, command, { comment: comment.data.trim() || null }, versionOf(raw) ?? 0);
  } catch (error) {
    const refused = refusal(p, error, (path) => (path === 'comment' ? field : path));
    return showDevices(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/contracts/${contractId}/devices`, 'decided');
}

const AreasForm = z.object({ areas: text(5000) });

/** 取扱区域の指定 by the officer: one area a line. */
export async function myNumberAreasAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const raw = await readForm(c);
  const values: FormValues = { areas: firstValue(raw.areas) };
  const parsed = AreasForm.safeParse(values);
  if (!parsed.success) return showDevices(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  const version = Number(firstValue(raw.version));
  try {
    await nameMyNumberAreas(
      useCaseContext(c),
      c.req.param('id')!,
      parsed.data.areas.split(/\r?\n/),
      Number.isInteger(version) && version >= 0 ? version : -1,
    );
  } catch (error) {
    const refused = refusal(p, error);
    return showDevices(c, values, refused.errors, refused.status);
  }
  return redirectWithNotice(c, `/contracts/${c.req.param('id')}/devices`, 'saved');
}
