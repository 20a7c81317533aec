import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { clearSessionExpired, doneSigningOut } from '../../api/auth';
import { api } from '../../api/client';
import { useDemoAccounts } from '../../api/demo';
import { fetchMe, peopleKeys, useMe } from '../../api/people';
import { ErrorAlert, Loading, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import { SsoButtons } from './SsoButtons';
import './demo.css';

type LoginState = { from?: string; expired?: boolean; loggedOut?: boolean; notice?: string } | null;

/** Where to go after signing in: only paths inside this app. */
function safeReturn(from: string | undefined) {
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/log-ind') ? from : '/';
}

export function Login() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const qc = useQueryClient();
  const navigate = useNavigate();
  const state = useLocation().state as LoginState;
  const { data: me, isPending } = useMe();
  const form = useForm(['email', 'password'] as const);
  const demo = useDemoAccounts();
  useEffect(doneSigningOut, []);

  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) => api('/auth/login', { method: 'POST', body }),
    onSuccess: async () => {
      clearSessionExpired();
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== peopleKeys.me[0] });
      const fresh = await fetchMe();
      qc.setQueryData(peopleKeys.me, fresh);
      navigate(safeReturn(state?.from), { replace: true });
    },
    onError: (err) => form.failed(err),
  });

  if (isPending) return <Loading />;
  // Already signed in: go on (but not while signing out, when the cached person is about to be cleared).
  if (me && !state?.loggedOut && !login.isPending && !login.isSuccess)
    return <Navigate to={safeReturn(state?.from)} replace />;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (login.isPending) return;
    const data = new FormData(e.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (
      form.invalid({
        email: email ? undefined : t('login.emailMissing'),
        password: password ? undefined : t('login.passwordMissing'),
      })
    )
      return;
    login.mutate({ email, password });
  }

  const notice = state?.expired
    ? t('login.expired')
    : state?.loggedOut
      ? t('login.loggedOut')
      : (state?.notice ?? null);

  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>{t('login.title')}</h1>
        <p className="lead">{t('login.intro')}</p>
        <Notice message={notice} />
        <form ref={form.formRef} noValidate onSubmit={submit}>
          <ErrorAlert message={form.summary} />
          <TextField
            label={t('login.email')}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            error={form.errors.email}
          />
          <TextField
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            error={form.errors.password}
          />
          <Button type="submit" busy={login.isPending} className="btn-block">
            {t('login.submit')}
          </Button>
        </form>
        <p className="auth-links">
          <Link to="/glemt-adgangskode">{t('login.forgot')}</Link>
        </p>
        <SsoButtons returnTo={safeReturn(state?.from)} />
      </div>
      {demo.data?.password && demo.data.accounts.length > 0 && (
        <section className="card auth-card demo-accounts" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title">{t('demo.accounts.title')}</h2>
          <p className="muted">{t('demo.accounts.intro')}</p>
          <ul className="demo-account-list">
            {demo.data.accounts.map((a) => (
              <li key={a.email}>
                <Button
                  variant="secondary"
                  className="btn-block demo-account"
                  busy={login.isPending && login.variables?.email === a.email}
                  onClick={() => login.mutate({ email: a.email, password: demo.data?.password ?? '' })}
                >
                  <span className="demo-account-name">{a.name}</span>
                  <span className="demo-account-role">
                    {t(`demo.accounts.role.${a.role}`, { defaultValue: a.role })}
                    {a.at ? ` · ${a.at}` : ''}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
