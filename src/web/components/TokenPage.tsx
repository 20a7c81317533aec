import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { clearSessionExpired, tokenPath, useTokenHolder } from '../api/auth';
import { api, errorMessage } from '../api/client';
import { fetchMe, peopleKeys } from '../api/people';
import { Loading } from './Alert';
import { SetPasswordForm } from './SetPasswordForm';
import { usePageTitle } from './usePageTitle';

/** Invitation and password-reset links: show who the link is for, choose a password, end up signed in. */
export function TokenPage({ kind }: { kind: 'invitation' | 'reset' }) {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const prefix = kind === 'invitation' ? 'invitation' : 'reset';
  const link = useTokenHolder(kind, token);
  usePageTitle(link.isError ? t('token.invalidTitle') : t(`${prefix}.title`));

  if (link.isPending) return <Loading />;
  if (link.isError)
    return (
      <div className="auth-page">
        <div className="card auth-card">
          <h1>{t('token.invalidTitle')}</h1>
          <p className="alert alert-error">{errorMessage(link.error)}</p>
          <p>{t(`${prefix}.invalidHelp`)}</p>
          <p className="auth-links">
            <Link to="/glemt-adgangskode">{t('token.requestNew')}</Link>
            <Link to="/log-ind">{t('token.toLogin')}</Link>
          </p>
        </div>
      </div>
    );

  async function choose(password: string) {
    await api(tokenPath(kind, token), { method: 'POST', body: { password } });
    clearSessionExpired();
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== peopleKeys.me[0] });
    qc.setQueryData(peopleKeys.me, await fetchMe());
    navigate('/', { replace: true, state: { notice: t(`${prefix}.done`) } });
  }

  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>
          {kind === 'invitation' ? t('invitation.greeting', { name: link.data.name }) : t('reset.title')}
        </h1>
        <p className="lead">{t(`${prefix}.intro`, { email: link.data.email, name: link.data.name })}</p>
        <SetPasswordForm submitLabel={t(`${prefix}.submit`)} onSubmit={choose} />
      </div>
    </div>
  );
}
