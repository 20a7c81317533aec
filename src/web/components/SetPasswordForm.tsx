import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './Alert';
import { Button } from './Button';
import { TextField } from './Field';
import { MIN_PASSWORD, useForm } from './useForm';

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
    if (
      form.invalid({
        password: password.length < MIN_PASSWORD ? t('password.tooShort', { min: MIN_PASSWORD }) : undefined,
        repeat: password.length >= MIN_PASSWORD && repeat !== password ? t('password.mismatch') : undefined,
      })
    )
      return;
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
      <TextField
        label={t('password.new')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('password.hint', { min: MIN_PASSWORD })}
        error={form.errors.password}
      />
      <TextField
        label={t('password.repeat')}
        name="repeat"
        type="password"
        autoComplete="new-password"
        error={form.errors.repeat}
      />
      <Button type="submit" busy={busy} className="btn-block">
        {submitLabel}
      </Button>
    </form>
  );
}
