import type { Context } from 'hono';
import { decideTakeOut } from '../../../domain/handover/decide-take-out.js';
import { handOverPackage } from '../../../domain/handover/hand-over-package.js';
import { IDENTITY_CHECKS, type IdentityCheck } from '../../../domain/handover/handover-terms.js';
import { bringBackPackage, startTakeOut } from '../../../domain/handover/move-take-out.js';
import { returnPackage } from '../../../domain/handover/return-package.js';
import { storePackage } from '../../../domain/handover/store-package.js';
import { takeOutPackage } from '../../../domain/handover/take-out-package.js';
import { verifyReturnedPackage } from '../../../domain/handover/verify-returned-package.js';
import { withdrawPackage } from '../../../domain/handover/withdraw-package.js';
import type { FieldError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { type FormValues, formErrors } from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { pageCtx } from '../page-context.js';
import { packagePage } from './package.page.js';
import { requiredText, requiredTime, str } from './shared.js';

// The custody steps sent from the package page: each form's fields are checked here for what the
// page alone knows (a time typed, a choice made), then the API's use case decides and records.

type Run = (ctx: ReturnType<typeof useCaseContext>, id: string, version: number) => Promise<unknown>;

/** Domain paths to the form's field names (`<form>.<field>`). */
const FIELD: Record<string, string> = {
  handedAt: 'handedAt',
  receivedByHandlerId: 'receivedBy',
  givenByHandlerId: 'givenBy',
  givenByUserId: 'givenBy',
  'identityCheck.note': 'identityNote',
  'identityCheck.method': 'identityMethod',
  storedAt: 'storedAt',
  keyHolderHandlerId: 'keyHolder',
  handlerId: 'handler',
  outAt: 'outAt',
  backAt: 'backAt',
  passwordNoticeReturned: 'noticeReturned',
  file: 'file',
};

/**
 * Runs one step: the page's own checks (`prepare` pushes field errors and returns the use case
 * call), then the use case; a refusal shows the package page again with this form's values and
 * errors, a success goes back to the package's timeline.
 */
async function runStep(
  c: Context<AppEnv>,
  form: string,
  prepare: (values: FormValues, errors: FieldError[]) => Run,
  values?: FormValues,
) {
  const p = pageCtx(c);
  const id = c.req.param('id')!;
  const posted = values ?? (await readForm(c));
  const errors: FieldError[] = [];
  const prefixed = (list: FieldError[]) =>
    list.map((e) => ({ ...e, path: `${form}.${FIELD[e.path] ?? e.path}` }));
  const run = prepare(posted, errors);
  if (errors.length)
    return packagePage(c, { form, values: posted, errors: formErrors(p, prefixed(errors)), status: 422 });
  try {
    await run(useCaseContext(c), id, versionOf(posted) ?? 0);
  } catch (error) {
    const refused = refusal(p, error, (path) => `${form}.${FIELD[path] ?? path}`);
    return packagePage(c, { form, values: posted, ...refused });
  }
  return c.redirect(`/handover/${id}?notice=saved#timeline`, 303);
}

const field = (values: FormValues, form: string, name: string) => str(values[`${form}.${name}`]);

function identity(values: FormValues, form: string) {
  const method = field(values, form, 'identityMethod');
  return {
    method: ((IDENTITY_CHECKS as readonly string[]).includes(method) ? method : 'other') as IdentityCheck,
    note: field(values, form, 'identityNote') || null,
  };
}

/** The id of a person chosen from the list; a missing choice is an error beside the field. */
function chosen(values: FormValues, form: string, name: string, errors: FieldError[]): string {
  const v = field(values, form, name);
  if (!/^[0-9a-f-]{36}$/i.test(v))
    errors.push({ path: name, message: 'choose a person on the list', message_ja: '名簿から選んでください' });
  return v;
}

/** A field read from `<form>.<name>`: the shared checks take the bare names. */
const unprefixed = (values: FormValues, form: string): FormValues =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k.startsWith(`${form}.`) ? k.slice(form.length + 1) : k, v]),
  );

export function handoverAction(kind: 'media' | 'password') {
  return (c: Context<AppEnv>) =>
    runStep(c, kind, (values, errors) => {
      const handedAt = requiredTime(unprefixed(values, kind), 'handedAt', errors);
      const receivedByHandlerId = chosen(values, kind, 'receivedBy', errors);
      // 渡した職員: the one chosen, else the signed-in officer (the use case checks they are the ward's)
      const givenByUserId = field(values, kind, 'givenBy') ? chosen(values, kind, 'givenBy', errors) : null;
      return (ctx, id, version) =>
        handOverPackage(
          ctx,
          id,
          kind === 'media' ? 'media' : 'password_notice',
          {
            handedAt: handedAt!,
            givenByUserId,
            receivedByHandlerId,
            identityCheck: identity(values, kind),
            method: 'by_hand',
          },
          version,
        );
    });
}

export const storeAction = (c: Context<AppEnv>) =>
  runStep(c, 'store', (values, errors) => {
    const v = unprefixed(values, 'store');
    const storedAt = requiredTime(v, 'storedAt', errors);
    const place = requiredText(v, 'place', 300, errors);
    const keyHolderHandlerId = chosen(values, 'store', 'keyHolder', errors);
    return (ctx, id, version) =>
      storePackage(ctx, id, { storedAt: storedAt!, place, keyHolderHandlerId }, version);
  });

export const takeOutAction = (c: Context<AppEnv>) =>
  runStep(c, 'takeOut', (values, errors) => {
    const v = unprefixed(values, 'takeOut');
    const raw = str(v.purpose);
    const purpose = raw === 'delivery' || raw === 'return' || raw === 'other' ? raw : 'other';
    const purposeDetail = requiredText(v, 'purposeDetail', 1000, errors);
    const contents = requiredText(v, 'contents', 1000, errors);
    const handlerId = chosen(values, 'takeOut', 'handler', errors);
    const outAt = purpose === 'other' ? null : requiredTime(v, 'outAt', errors);
    return (ctx, id, version) =>
      takeOutPackage(ctx, id, { purpose, purposeDetail, contents, handlerId, outAt }, version);
  });

export function decideAction(decision: 'approve' | 'refuse') {
  return (c: Context<AppEnv>) =>
    runStep(c, 'decide', (values) => {
      const comment = field(values, 'decide', 'comment').slice(0, 1000) || null;
      return (ctx, id, version) => decideTakeOut(ctx, id, c.req.param('tid')!, decision, comment, version);
    });
}

export const startAction = (c: Context<AppEnv>) =>
  runStep(c, 'start', (values, errors) => {
    const outAt = requiredTime(unprefixed(values, 'start'), 'outAt', errors);
    return (ctx, id, version) => startTakeOut(ctx, id, c.req.param('tid')!, outAt!, version);
  });

export const backAction = (c: Context<AppEnv>) =>
  runStep(c, 'back', (values, errors) => {
    const v = unprefixed(values, 'back');
    const backAt = requiredTime(v, 'backAt', errors);
    const check = requiredText(v, 'check', 1000, errors);
    return (ctx, id, version) =>
      bringBackPackage(ctx, id, c.req.param('tid')!, { backAt: backAt!, check }, version);
  });

export const returnAction = (c: Context<AppEnv>) =>
  runStep(c, 'return', (values, errors) => {
    const handedAt = requiredTime(unprefixed(values, 'return'), 'handedAt', errors);
    const givenByHandlerId = chosen(values, 'return', 'givenBy', errors);
    return (ctx, id, version) =>
      returnPackage(
        ctx,
        id,
        {
          handedAt: handedAt!,
          givenByHandlerId,
          identityCheck: identity(values, 'return'),
          method: 'by_hand',
          passwordNoticeReturned: field(values, 'return', 'noticeReturned') === 'on',
        },
        version,
      );
  });

/** ハッシュ確認: the returned file is hashed by the use case and not kept. */
export async function verifyAction(c: Context<AppEnv>) {
  const body = await c.req.parseBody();
  const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
  const values: FormValues = { version: typeof body.version === 'string' ? body.version : '' };
  return runStep(
    c,
    'verify',
    (_values, errors) => {
      if (!file)
        errors.push({
          path: 'file',
          message: 'choose the returned file',
          message_ja: '返却されたファイルを選んでください',
        });
      return async (ctx, id, version) =>
        verifyReturnedPackage(ctx, id, new Uint8Array(await file!.arrayBuffer()), version);
    },
    values,
  );
}

export const withdrawAction = (c: Context<AppEnv>) =>
  runStep(c, 'withdraw', (values, errors) => {
    const reason = requiredText(unprefixed(values, 'withdraw'), 'reason', 1000, errors);
    return (ctx, id, version) => withdrawPackage(ctx, id, reason, version);
  });
