import type { Child } from 'hono/jsx';
import { IDENTITY_CHECKS } from '../../../domain/handover/handover-terms.js';
import {
  Csrf,
  ErrorSummary,
  type Fields,
  fieldId,
  type Option,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import type { PageCtx } from '../page-context.js';
import { optionsOf } from './shared.js';

// The forms of the custody steps (受渡し, 保管, 持出し, 返却, ハッシュ確認, 取下げ). Several may be on
// one page, so every field is named `<form>.<field>`: ids stay unique, and a refused form gets its
// values and errors back without touching the others.

export interface StepProps {
  p: PageCtx;
  f: Fields;
  action: string;
  version: number;
  people: Option[];
  /** The ward's staff, for who handed something over (受渡しをした職員); none outside the ward. */
  staff?: Option[];
}

/** One step's form in its own section, with its refusal (if it was the one sent) at its top. */
function StepBox(props: {
  p: PageCtx;
  f: Fields;
  id: string;
  title: string;
  action: string;
  version: number;
  hint?: string;
  multipart?: boolean;
  children: Child;
}) {
  const { p, f, id, title, action, version, hint, multipart } = props;
  return (
    <section class="panel step" aria-labelledby={`step-${id}`} id={`form-${id}`}>
      <h3 id={`step-${id}`}>{title}</h3>
      {hint && <p class="hint">{hint}</p>}
      <form method="post" action={action} enctype={multipart ? 'multipart/form-data' : undefined}>
        <ErrorSummary p={p} f={f} />
        <Csrf p={p} />
        <input type="hidden" name="version" value={String(version)} />
        {props.children}
      </form>
    </section>
  );
}

function NoOne({ p, people }: { p: PageCtx; people: Option[] }) {
  return people.length ? null : <p class="field-error">{p.t.handover.noListed}</p>;
}

function Identity({ p, f, form }: { p: PageCtx; f: Fields; form: string }) {
  const t = p.t.handover;
  return (
    <>
      <SelectField
        p={p}
        f={f}
        name={`${form}.identityMethod`}
        label={t.identityMethod}
        options={optionsOf(t.identity, IDENTITY_CHECKS)}
        required
      />
      <TextField p={p} f={f} name={`${form}.identityNote`} label={t.identityNote} />
      <p>{t.byHand}</p>
    </>
  );
}

/** 電磁的媒体 or パスワード通知書の受渡し: when, to whom on the list, how identity was checked. */
export function HandoverForm(props: StepProps & { kind: 'media' | 'password' }) {
  const { p, f, kind, people } = props;
  const t = p.t.handover;
  return (
    <StepBox
      {...props}
      id={kind}
      title={kind === 'media' ? t.mediaForm : t.passwordForm}
      hint={kind === 'password' ? t.passwordFormHint : undefined}
    >
      <TextField p={p} f={f} name={`${kind}.handedAt`} label={t.handedAt} type="datetime-local" required />
      {props.staff && props.staff.length > 0 && (
        <SelectField
          p={p}
          f={f}
          name={`${kind}.givenBy`}
          label={t.givenBy}
          hint={t.giverHint}
          options={props.staff}
          required
        />
      )}
      <NoOne p={p} people={people} />
      <SelectField
        p={p}
        f={f}
        name={`${kind}.receivedBy`}
        label={t.receiver}
        hint={t.receiverHint}
        options={people}
        blank=""
        required
      />
      <Identity p={p} f={f} form={kind} />
      <button type="submit">{t.record}</button>
    </StepBox>
  );
}

/** 保管: place and the 取扱責任者 holding the key. */
export function StoreForm(props: StepProps) {
  const { p, f, people } = props;
  const t = p.t.handover;
  return (
    <StepBox {...props} id="store" title={t.storeForm}>
      <TextField p={p} f={f} name="store.storedAt" label={t.storedAt} type="datetime-local" required />
      <TextField p={p} f={f} name="store.place" label={t.place} hint={t.placeHint} required />
      <NoOne p={p} people={people} />
      <SelectField
        p={p}
        f={f}
        name="store.keyHolder"
        label={t.keyHolderField}
        options={people}
        blank=""
        required
      />
      <button type="submit">{t.record}</button>
    </StepBox>
  );
}

/** 持出記録: for delivery or return it leaves now; for another purpose it is a request to the ward. */
export function TakeOutForm(props: StepProps) {
  const { p, f, people } = props;
  const t = p.t.handover;
  return (
    <StepBox {...props} id="takeOut" title={t.takeOutForm} hint={t.takeOutHint}>
      <SelectField
        p={p}
        f={f}
        name="takeOut.purpose"
        label={t.purpose}
        options={optionsOf(t.purposes, ['delivery', 'return', 'other'])}
        required
      />
      <TextField p={p} f={f} name="takeOut.purposeDetail" label={t.purposeDetail} required />
      <TextField p={p} f={f} name="takeOut.contents" label={t.takeOutContents} required />
      <NoOne p={p} people={people} />
      <SelectField p={p} f={f} name="takeOut.handler" label={t.carrier} options={people} blank="" required />
      <TextField p={p} f={f} name="takeOut.outAt" label={t.outAt} type="datetime-local" />
      <button type="submit">{t.record}</button>
    </StepBox>
  );
}

/** The ward approves or refuses a take-out request, with an optional comment. */
export function DecideForm(props: StepProps & { summary: string }) {
  const { p, f, action } = props;
  const t = p.t.handover;
  return (
    <StepBox {...props} id="decide" title={t.decideTakeOut} hint={props.summary}>
      <TextArea p={p} f={f} name="decide.comment" label={p.t.common.commentOptional} rows={2} />
      <div class="actions">
        <button type="submit" formaction={`${action}/approve`}>
          {t.approve}
        </button>
        <button type="submit" class="danger" formaction={`${action}/refuse`}>
          {t.refuse}
        </button>
      </div>
    </StepBox>
  );
}

export function StartForm(props: StepProps & { summary: string }) {
  const { p, f } = props;
  const t = p.t.handover;
  return (
    <StepBox {...props} id="start" title={t.startTakeOut} hint={props.summary}>
      <TextField p={p} f={f} name="start.outAt" label={t.outAt} type="datetime-local" required />
      <button type="submit">{t.record}</button>
    </StepBox>
  );
}

export function BackForm(props: StepProps & { summary: string }) {
  const { p, f } = props;
  const t = p.t.handover;
  return (
    <StepBox {...props} id="back" title={t.backForm} hint={props.summary}>
      <TextField p={p} f={f} name="back.backAt" label={t.backAt} type="datetime-local" required />
      <TextField p={p} f={f} name="back.check" label={t.backCheck} required />
      <button type="submit">{t.record}</button>
    </StepBox>
  );
}

/** 返却の受領 by the ward: the media, and the password notice once it was handed over. */
export function ReturnForm(props: StepProps) {
  const { p, f, people } = props;
  const t = p.t.handover;
  return (
    <StepBox {...props} id="return" title={t.returnForm}>
      <TextField p={p} f={f} name="return.handedAt" label={t.returnedAt} type="datetime-local" required />
      <NoOne p={p} people={people} />
      <SelectField
        p={p}
        f={f}
        name="return.givenBy"
        label={t.returnGiver}
        options={people}
        blank=""
        required
      />
      <Identity p={p} f={f} form="return" />
      <div class="field">
        {f.errors('return.noticeReturned').map((e) => (
          <p class="field-error" id={`${fieldId('return.noticeReturned')}-error`}>
            {e}
          </p>
        ))}
        <label>
          <input
            type="checkbox"
            id={fieldId('return.noticeReturned')}
            name="return.noticeReturned"
            value="on"
            checked={f.checked('return.noticeReturned')}
          />
          {t.noticeReturned}
        </label>
      </div>
      <button type="submit">{t.record}</button>
    </StepBox>
  );
}

/** ハッシュ確認: the file read back from the returned media, hashed and not kept. */
export function VerifyForm(props: StepProps) {
  const { p, f } = props;
  const t = p.t.handover;
  const errors = f.errors('verify.file');
  return (
    <StepBox {...props} id="verify" title={t.verifyForm} hint={t.verifyHint} multipart>
      <div class="field">
        <label for={fieldId('verify.file')}>
          {t.returnedFile}
          <span class="req">{p.t.common.required}</span>
        </label>
        {errors.map((e) => (
          <p class="field-error" id={`${fieldId('verify.file')}-error`}>
            {e}
          </p>
        ))}
        <input type="file" id={fieldId('verify.file')} name="file" required />
      </div>
      <button type="submit">{t.verify}</button>
    </StepBox>
  );
}

export function WithdrawForm(props: StepProps) {
  const { p, f } = props;
  const t = p.t.handover;
  return (
    <StepBox {...props} id="withdraw" title={t.withdrawForm}>
      <TextArea p={p} f={f} name="withdraw.reason" label={t.withdrawReason} rows={2} required />
      <button type="submit" class="danger" data-confirm={t.withdrawConfirm}>
        {t.withdraw}
      </button>
    </StepBox>
  );
}
