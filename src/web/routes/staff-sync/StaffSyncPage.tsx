import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffSyncMutations, useStaffSyncSources } from '../../api/staff-sync';
import { Notice } from '../../components/Alert';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { SourceCard } from './SourceCard';
import { SourceForm } from './SourceForm';

/** /organisation/synkronisering (issue 20 part 2): staff kept in sync from a CSV file or SCIM. Administrators. */
export function StaffSyncPage() {
  const { t } = useTranslation();
  usePageTitle(t('staffSync.title'));
  const sources = useStaffSyncSources();
  const m = useStaffSyncMutations();
  const [token, setToken] = useState<{ token: string; name: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="page">
      <h1>{t('staffSync.title')}</h1>
      <p className="lead">{t('staffSync.intro')}</p>
      <Notice message={notice} />
      <QueryView query={sources}>
        {(o) => (
          <div className="stack">
            {token && (
              <section className="card token-once" aria-labelledby="token-heading">
                <h2 id="token-heading">{t('staffSync.tokenTitle', { name: token.name })}</h2>
                <p>{t('staffSync.tokenOnce')}</p>
                <p>
                  <code className="break" data-testid="scim-token">
                    {token.token}
                  </code>
                </p>
              </section>
            )}
            {o.items.length === 0 && <p>{t('staffSync.none')}</p>}
            {o.items.map((s) => (
              <SourceCard
                key={s.id}
                source={s}
                pathsAllowed={o.pathsAllowed}
                pathRoot={o.pathRoot}
                onToken={(tk, name) => setToken({ token: tk, name })}
              />
            ))}
            <section className="card" aria-labelledby="add-source-heading">
              <h2 id="add-source-heading">{t('staffSync.addTitle')}</h2>
              {!o.pathsAllowed && <p className="hint">{t('staffSync.pathsOff')}</p>}
              <SourceForm
                key={formKey}
                pathsAllowed={o.pathsAllowed}
                pathRoot={o.pathRoot}
                busy={m.create.isPending}
                error={m.create.error}
                onSubmit={(body) =>
                  m.create.mutate(body, {
                    onSuccess: (r) => {
                      setNotice(t('staffSync.added', { name: r.source.name }));
                      if (r.token) setToken({ token: r.token, name: r.source.name });
                      setFormKey((k) => k + 1);
                    },
                  })
                }
              />
            </section>
            <section className="card" aria-labelledby="scim-heading">
              <h2 id="scim-heading">{t('staffSync.scimTitle')}</h2>
              <p>{t('staffSync.scimText')}</p>
              <p>
                <code className="break">{o.scimBaseUrl}</code>
              </p>
            </section>
          </div>
        )}
      </QueryView>
    </div>
  );
}
