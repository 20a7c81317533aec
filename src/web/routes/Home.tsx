import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { canOrganise, useMe } from '../api/queries';
import type { Me } from '../api/types';
import { Notice } from '../components/Alert';
import { grantScope } from '../components/labels';
import { usePageTitle } from '../components/usePageTitle';

function institutionsOf(me: Me) {
  const seen = new Map<string, { id: string; name: string; type: string; kommune: string }>();
  for (const g of me.grants)
    if (g.institutionId && !seen.has(g.institutionId))
      seen.set(g.institutionId, {
        id: g.institutionId,
        name: g.institutionName ?? '',
        type: g.institutionType ?? '',
        kommune: g.kommuneName ?? '',
      });
  return [...seen.values()];
}

export function Home() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const { data: me } = useMe();
  const state = useLocation().state as { notice?: string } | null;
  if (!me) return null;
  const institutions = institutionsOf(me);
  const manages = new Set(me.capabilities.manageInstitutionIds);
  const instName = (id: string) => institutions.find((i) => i.id === id)?.name ?? '';

  return (
    <div className="page">
      <h1>{t('home.welcome', { name: me.name })}</h1>
      <p className="lead">{t('home.intro')}</p>
      <Notice message={state?.notice} />
      <div className="card-grid">
        <section className="card">
          <h2 id="home-roles">{t('home.roles')}</h2>
          {me.grants.length ? (
            <ul className="plain-list">
              {me.grants.map((g) => (
                <li key={g.id}>
                  <strong>{t(`roles.${g.role}`)}</strong>
                  <span className="muted"> · {grantScope(t, g)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('home.noRoles')}</p>
          )}
        </section>
        <section className="card">
          <h2 id="home-institutions">{t('home.institutions')}</h2>
          {institutions.length ? (
            <ul className="plain-list">
              {institutions.map((i) => (
                <li key={i.id}>
                  {manages.has(i.id) || me.capabilities.administer ? (
                    <Link to={`/organisation/institutioner/${i.id}`}>{i.name}</Link>
                  ) : (
                    <strong>{i.name}</strong>
                  )}
                  <span className="muted">
                    {' '}
                    · {t(`institutionTypes.${i.type}`)} · {i.kommune}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('home.noInstitutions')}</p>
          )}
        </section>
        <section className="card">
          <h2 id="home-teams">{t('home.teams')}</h2>
          {me.teams.length ? (
            <ul className="plain-list">
              {me.teams.map((team) => (
                <li key={team.id}>
                  {manages.has(team.institutionId) || me.capabilities.administer ? (
                    <Link to={`/organisation/teams/${team.id}`}>{team.name}</Link>
                  ) : (
                    <strong>{team.name}</strong>
                  )}
                  <span className="muted">
                    {' '}
                    · {t(`teamTypes.${team.type}`)}
                    {instName(team.institutionId) && ` · ${instName(team.institutionId)}`}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('home.noTeams')}</p>
          )}
        </section>
        <section className="card">
          <h2 id="home-links">{t('home.shortcuts')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/videoer">{t('home.linkVideos')}</Link>
            </li>
            {canOrganise(me) && (
              <>
                <li>
                  <Link to="/organisation">{t('home.linkOrganisation')}</Link>
                </li>
                <li>
                  <Link to="/organisation/inviter">{t('home.linkInvite')}</Link>
                </li>
                <li>
                  <Link to="/import">{t('home.linkImport')}</Link>
                </li>
              </>
            )}
            {me.capabilities.readOutbox && (
              <li>
                <Link to="/udbakke">{t('home.linkOutbox')}</Link>
              </li>
            )}
            <li>
              <Link to="/profil">{t('home.linkProfile')}</Link>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
