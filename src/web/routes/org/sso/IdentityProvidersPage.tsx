import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IdentityProvider, useIdentityProviderMutations, useIdentityProviders } from '../../../api/sso';
import { Notice } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialogs';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import { ProviderForm } from './ProviderForm';
import './sso-admin.css';

/**
 * /organisation/log-ind (administrators): the sign-in services people may use besides e-mail and password —
 * UNI-Login's broker, Microsoft Entra ID, Google or any OpenID Connect provider (issue 20 part 1).
 */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  usePageTitle(t('sso.admin.title'));
  const list = useIdentityProviders();
  const m = useIdentityProviderMutations();
  const [editing, setEditing] = useState<IdentityProvider | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => () => {
    setEditing(null);
    setNotice(message);
  };

  return (
    <div className="page">
      <Breadcrumbs
        items={[{ to: '/organisation', label: t('org.title') }, { label: t('sso.admin.title') }]}
      />
      <div className="page-head">
        <h1>{t('sso.admin.title')}</h1>
        {editing === null && (
          <div className="page-actions">
            <Button onClick={() => setEditing('new')}>{t('sso.admin.add')}</Button>
          </div>
        )}
      </div>
      <p className="lead">{t('sso.admin.intro')}</p>
      <Notice message={notice} />
      <QueryView query={list}>
        {(data) => (
          <div className="stack">
            <section className="card" aria-labelledby="sso-register-title">
              <h2 id="sso-register-title">{t('sso.admin.registerTitle')}</h2>
              <p>{t('sso.admin.registerIntro')}</p>
              <dl className="sso-uris">
                <dt>{t('sso.admin.redirectUri')}</dt>
                <dd>
                  <code>{data.redirectUri}</code>
                </dd>
                <dt>{t('sso.admin.postLogoutUri')}</dt>
                <dd>
                  <code>{data.postLogoutRedirectUri}</code>
                </dd>
              </dl>
            </section>
            {editing !== null && (
              <ProviderForm
                key={editing === 'new' ? 'new' : editing.id}
                provider={editing === 'new' ? undefined : editing}
                onDone={done(editing === 'new' ? t('sso.admin.added') : t('sso.admin.saved'))}
              />
            )}
            {data.items.length === 0 ? (
              editing === null && <p className="muted">{t('sso.admin.none')}</p>
            ) : (
              <ul className="sso-providers stack" aria-label={t('sso.admin.listLabel')}>
                {data.items.map((p) => (
                  <li key={p.id} className="card">
                    <h2>{p.name}</h2>
                    <dl className="sso-facts">
                      <dt>{t('sso.admin.state')}</dt>
                      <dd>{p.enabled ? t('sso.admin.enabled') : t('sso.admin.disabled')}</dd>
                      <dt>{t('sso.form.issuer')}</dt>
                      <dd className="sso-break">{p.issuer}</dd>
                      <dt>{t('sso.form.clientId')}</dt>
                      <dd className="sso-break">{p.clientId}</dd>
                      <dt>{t('sso.form.clientSecret')}</dt>
                      <dd>{p.clientSecretSet ? t('sso.admin.secretSet') : t('sso.admin.secretNotSet')}</dd>
                      <dt>{t('sso.admin.linked')}</dt>
                      <dd>{t('sso.admin.linkedCount', { count: p.linkedPeople })}</dd>
                    </dl>
                    <div className="actions">
                      <Button variant="secondary" onClick={() => setEditing(p)}>
                        {t('sso.admin.edit')}
                        <span className="sr-only"> {p.name}</span>
                      </Button>
                      <ConfirmDialog
                        triggerLabel={t('sso.admin.remove')}
                        triggerContext={p.name}
                        title={t('sso.admin.removeTitle', { name: p.name })}
                        confirmLabel={t('sso.admin.remove')}
                        onConfirm={async () => {
                          await m.remove.mutateAsync(p.id);
                          setNotice(t('sso.admin.removed'));
                        }}
                      >
                        <p>{t('sso.admin.removeBody')}</p>
                      </ConfirmDialog>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </QueryView>
    </div>
  );
}
