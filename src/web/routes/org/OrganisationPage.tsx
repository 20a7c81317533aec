import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/people';
import { Notice } from '../../components/Alert';
import { usePageTitle } from '../../components/usePageTitle';
import { InstitutionsSection } from './InstitutionsSection';
import { KommunerSection } from './KommunerSection';

/** Administrators see everything; a leader with one institution goes straight to it. */
export function OrganisationPage() {
  const { t } = useTranslation();
  usePageTitle(t('org.title'));
  const { data: me } = useMe();
  const state = useLocation().state as { notice?: string } | null;
  if (!me) return null;
  const admin = me.capabilities.administer;
  const managed = me.capabilities.manageInstitutionIds;
  if (!admin && managed.length === 1)
    return <Navigate to={`/organisation/institutioner/${managed[0]}`} replace />;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('org.title')}</h1>
        <div className="page-actions">
          <Link className="btn btn-secondary" to="/organisation/personer">
            {t('org.allPeople')}
          </Link>
          <Link className="btn btn-secondary" to="/import">
            {t('import.title')}
          </Link>
          <Link className="btn btn-primary" to="/organisation/inviter">
            {t('org.invitePerson')}
          </Link>
        </div>
      </div>
      <p className="lead">{admin ? t('org.introAdmin') : t('org.introLeader')}</p>
      <Notice message={state?.notice} />
      <div className="stack">
        {admin && (
          <section className="card" aria-labelledby="org-data-heading">
            <h2 id="org-data-heading">{t('retention.dataSection')}</h2>
            <ul className="link-list">
              <li>
                <Link to="/organisation/opbevaring">{t('retention.link')}</Link>
                <span className="muted"> — {t('retention.linkHint')}</span>
              </li>
              <li>
                <Link to="/organisation/log-ind">{t('sso.admin.link')}</Link>
                <span className="muted"> — {t('sso.admin.linkHint')}</span>
              </li>
              <li>
                <Link to="/organisation/synkronisering">{t('staffSync.link')}</Link>
                <span className="muted"> — {t('staffSync.linkHint')}</span>
              </li>
              <li>
                <Link to="/organisation/log">{t('auditlog.link')}</Link>
                <span className="muted"> — {t('auditlog.linkHint')}</span>
              </li>
            </ul>
          </section>
        )}
        {admin && <KommunerSection />}
        <InstitutionsSection canCreate={admin} onlyIds={admin ? undefined : managed} />
      </div>
    </div>
  );
}
