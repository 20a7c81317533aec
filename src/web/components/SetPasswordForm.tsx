import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../shared/constants';
import { ErrorAlert } from './Alert';
import { Button } from './Button';
import { TextField } from './Field';
import { useForm } from './useForm';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Field errors for a new password typed twice (undefined where the field is fine). */
export function newPasswordErrors(t: T, password: string, repeat: string) {
  const short = password.length < MIN_PASSWORD_LENGTH;
  return {
    password: short ? t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) : undefined,
    repeat: !short && repeat !== password ? t('password.mismatch') : undefined,
  };
}

/** The "new password" and "repeat it" fields, with the length hint. */
export function NewPasswordFields({
  name = 'password',
  errors,
}: {
  /** Form field name of the new password (the repeat field is always "repeat"). */
  name?: string;
  errors: { password?: string; repeat?: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('password.new')}
        name={name}
        type="password"
        autoComplete="new-password"
        hint={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        error={errors.password}
      />
      <TextField
        label={t('password.repeat')}
        name="repeat"
        type="password"
        autoComplete="new-password"
        error={errors.repeat}
      />
    </>
  );
}

/** Choose a password twice (invitation, reset). */
export function SetPasswordForm({
  submitLabel,
  onSubmit,
}: {
  submitLabel: string;
  onSubmit: (password: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useForm(['password', 'repeat'] as const);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget);
    const password = String(data.get('password') ?? '');
    const repeat = String(data.get('repeat') ?? '');
    if (form.invalid(newPasswordErrors(t, password, repeat))) return;
    setBusy(true);
    try {
      await onSubmit(password);
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={submit}>
      <ErrorAlert message={form.summary} />
      <NewPasswordFields errors={form.errors} />
      <Button type="submit" busy={busy} className="btn-block">
        {submitLabel}
      </Button>
    </form>
  );
}
