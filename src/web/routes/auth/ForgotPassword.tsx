import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { isEmail, useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';

export function ForgotPassword() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  const form = useForm(['email'] as const);
  const request = useMutation({
    mutationFn: (email: string) => api('/auth/password-reset', { method: 'POST', body: { email } }),
    onError: (err) => form.failed(err),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (request.isPending) return;
    const email = String(new FormData(e.currentTarget).get('email') ?? '').trim();
    if (form.invalid({ email: isEmail(email) ? undefined : t('errors.field.email') })) return;
    request.mutate(email);
  }

  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>{t('forgot.title')}</h1>
        <div role="status">
          {request.isSuccess && <p className="alert alert-success">{t('forgot.sent')}</p>}
        </div>
        {!request.isSuccess && (
          <>
            <p className="lead">{t('forgot.intro')}</p>
            <form ref={form.formRef} noValidate onSubmit={submit}>
              <ErrorAlert message={form.summary} />
              <TextField
                label={t('login.email')}
                name="email"
                type="email"
                autoComplete="email"
                inputMode="email"
                error={form.errors.email}
              />
              <Button type="submit" busy={request.isPending} className="btn-block">
                {t('forgot.submit')}
              </Button>
            </form>
          </>
        )}
        <p className="auth-links">
          <Link to="/log-ind">{t('token.toLogin')}</Link>
        </p>
      </div>
    </div>
  );
}
