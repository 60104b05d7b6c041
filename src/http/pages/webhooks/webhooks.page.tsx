import type { Context } from 'hono';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../domain/webhooks/event-types.js';
import {
  disableEndpoint,
  registerEndpoint,
  rotateEndpointSecret,
  sendTestPing,
} from '../../../domain/webhooks/manage-webhook-endpoints.js';
import { listDeliveries, listEndpoints, wardsForEndpoints } from '../../../domain/webhooks/read-webhooks.js';
import type { WebhookEndpoint } from '../../../domain/webhooks/webhook-endpoints.repository.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, TableWrap, TimeText } from '../components/common.js';
import {
  ChoiceGroup,
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  SelectField,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// Webhook の送信先: a ward's 係長・課長 or a company's managers register endpoints, see their recent
// deliveries, send a test, rotate the secret (shown once) and stop sending. The use cases check
// the permissions (src/domain/webhooks); the API is /api/v1/webhook-endpoints.

const PATH = '/settings/webhooks';
const EVENT_TYPES = Object.keys(WEBHOOK_EVENT_TYPES) as WebhookEventType[];
const eventName = (p: PageCtx, type: string) =>
  WEBHOOK_EVENT_TYPES[type as WebhookEventType]?.[p.lang] ?? p.t.webhooks.pingEvent;

interface Extra {
  values?: FormValues;
  errors?: FormError[];
  status?: number;
  /** A secret just made: shown this once. */
  secret?: { url: string; secret: string };
  message?: string;
}

async function show(c: Context<AppEnv>, extra: Extra = {}) {
  const p = pageCtx(c);
  const t = p.t.webhooks;
  const ctx = useCaseContext(c);
  const endpoints = await listEndpoints(ctx);
  const wards = await wardsForEndpoints(ctx);
  const wardName = new Map(wards.map((w) => [w.id, w.name]));
  const deliveries = await Promise.all(endpoints.map((e) => listDeliveries(ctx, e.id, 10)));
  const f = fields(extra.values ?? { eventTypes: EVENT_TYPES }, extra.errors ?? []);
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ErrorSummary p={p} f={f} />
      {extra.message && (
        <p class="notice" role="status">
          {extra.message}
        </p>
      )}
      {extra.secret && (
        <section aria-labelledby="secret-title" class="notice">
          <h2 id="secret-title">{t.secretTitle}</h2>
          <p>{t.secretIntro}</p>
          <p>{extra.secret.url}</p>
          <p>
            <code data-secret>{extra.secret.secret}</code>
          </p>
        </section>
      )}
      <p>{t.intro}</p>
      <p>{t.verify}</p>
      {endpoints.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <TableWrap p={p} label={t.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.columns.url}</th>
                <th scope="col">{t.columns.ward}</th>
                <th scope="col">{t.columns.events}</th>
                <th scope="col">{t.columns.state}</th>
                <th scope="col">{t.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr>
                  <td>
                    {e.url}
                    {e.description && <div class="hint">{e.description}</div>}
                  </td>
                  <td>{wardName.get(e.wardId) ?? e.wardId}</td>
                  <td>{e.eventTypes.map((type) => eventName(p, type)).join('、')}</td>
                  <td>
                    <Badge
                      status={e.disabledAt ? 'closed' : 'active'}
                      label={e.disabledAt ? t.disabled : t.enabled}
                    />
                  </td>
                  <td>{e.disabledAt ? null : <Actions p={p} endpoint={e} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {endpoints.map((e, i) => (
        <Deliveries p={p} endpoint={e} items={deliveries[i] ?? []} />
      ))}
      <h2>{t.add.title}</h2>
      <form method="post" action={PATH} novalidate>
        <Csrf p={p} />
        <TextField p={p} f={f} name="url" label={t.add.url} hint={t.add.urlHint} required type="url" />
        <TextField p={p} f={f} name="description" label={t.add.description} />
        {p.viewer?.actor.organisationKind === 'company' && (
          <SelectField
            p={p}
            f={f}
            name="wardId"
            label={t.add.ward}
            hint={t.add.wardHint}
            blank=""
            options={wards.map((w) => ({ value: w.id, label: w.name }))}
          />
        )}
        <ChoiceGroup
          p={p}
          f={f}
          name="eventTypes"
          legend={t.add.events}
          options={EVENT_TYPES.map((type) => ({ value: type, label: eventName(p, type) }))}
        />
        <div class="actions">
          <button type="submit">{t.add.submit}</button>
        </div>
      </form>
    </Layout>,
    extra.status ?? 200,
  );
}

function Actions({ p, endpoint }: { p: PageCtx; endpoint: WebhookEndpoint }) {
  const t = p.t.webhooks;
  const form = (action: string, label: string, confirm?: string) => (
    <form method="post" action={`${PATH}/${endpoint.id}/${action}`}>
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(endpoint.version)} />
      <button type="submit" class="secondary" data-confirm={confirm}>
        {label}
      </button>
    </form>
  );
  return (
    <div class="actions">
      {form('ping', t.ping)}
      {form('rotate-secret', t.rotate)}
      {form('disable', t.disable, t.confirmDisable)}
    </div>
  );
}

function Deliveries({
  p,
  endpoint,
  items,
}: {
  p: PageCtx;
  endpoint: WebhookEndpoint;
  items: Awaited<ReturnType<typeof listDeliveries>>;
}) {
  const t = p.t.webhooks;
  const c = t.deliveryColumns;
  return (
    <section aria-label={t.deliveries(endpoint.url)}>
      <h2>{t.deliveries(endpoint.url)}</h2>
      {items.length === 0 ? (
        <p>{t.noDeliveries}</p>
      ) : (
        <TableWrap p={p} label={t.deliveries(endpoint.url)}>
          <table>
            <thead>
              <tr>
                <th scope="col">{c.at}</th>
                <th scope="col">{c.event}</th>
                <th scope="col">{c.record}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.attempts}</th>
                <th scope="col">{c.last}</th>
                <th scope="col">{c.next}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr>
                  <td>
                    <TimeText at={d.occurredAt} />
                  </td>
                  <td>{eventName(p, d.eventType)}</td>
                  <td>{d.record.number ?? '—'}</td>
                  <td>
                    <Badge
                      status={
                        d.status === 'delivered' ? 'active' : d.status === 'failed' ? 'rejected' : 'submitted'
                      }
                      label={t.deliveryStates[d.status]}
                    />
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? (d.lastStatus === null ? '—' : `HTTP ${d.lastStatus}`)}</td>
                  <td>
                    <TimeText at={d.nextAttemptAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

export const webhooksPage = (c: Context<AppEnv>) => show(c);

export async function registerEndpointAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.webhooks;
  const values = await readForm(c);
  const picked = Array.isArray(values.eventTypes)
    ? values.eventTypes
    : values.eventTypes
      ? [values.eventTypes]
      : [];
  const eventTypes = EVENT_TYPES.filter((type) => picked.includes(type));
  const url = firstValue(values.url).trim();
  const wardId = firstValue(values.wardId) || undefined;
  const errors: FormError[] = [];
  if (!eventTypes.length) errors.push({ field: 'eventTypes', text: t.add.pickEvent });
  if (p.viewer?.actor.organisationKind === 'company' && !wardId)
    errors.push({ field: 'wardId', text: t.add.pickWard });
  if (wardId && !/^[0-9a-f-]{36}$/i.test(wardId)) errors.push({ field: 'wardId', text: t.add.pickWard });
  if (errors.length) return show(c, { values, errors, status: 422 });
  try {
    const created = await registerEndpoint(
      useCaseContext(c),
      c.get('deps').webhooks ?? { allowPrivate: false },
      {
        url,
        eventTypes,
        description: firstValue(values.description).trim().slice(0, 200) || null,
        wardId,
      },
    );
    return show(c, { secret: { url: created.endpoint.url, secret: created.secret }, status: 201 });
  } catch (error) {
    const refused = refusal(p, error);
    return show(c, { values, errors: refused.errors, status: refused.status });
  }
}

export async function endpointAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.webhooks;
  const id = c.req.param('id')!;
  const action = c.req.param('action');
  const values = await readForm(c);
  const ctx = useCaseContext(c);
  try {
    if (action === 'ping') {
      const deps = c.get('deps');
      const outcome = await sendTestPing(
        ctx,
        { logger: deps.logger, settings: deps.webhooks ?? { allowPrivate: false } },
        id,
      );
      const status = outcome?.delivered ? `HTTP ${outcome.status}` : (outcome?.error ?? '—');
      return show(c, { message: t.pinged(status) });
    }
    if (action === 'rotate-secret') {
      const rotated = await rotateEndpointSecret(ctx, id, versionOf(values) ?? 0);
      return show(c, { secret: { url: rotated.endpoint.url, secret: rotated.secret } });
    }
    await disableEndpoint(ctx, id, versionOf(values) ?? 0);
    return redirectWithNotice(c, PATH, 'saved');
  } catch (error) {
    const refused = refusal(p, error);
    return show(c, { errors: refused.errors, status: refused.status });
  }
}
