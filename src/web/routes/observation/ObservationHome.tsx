import { Link } from 'react-router';
import { useObservationMe, useVisits } from '../../api/observation';
import { Loading, RequestError } from '../../components/Alert';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { useWords } from '../../i18n/words';
import { GuidePrompt } from './guide/GuideView';
import { VisitRow } from './visits/VisitBits';
import './observation.css';

/** /observation — the hub: visits to me, my self-observations, the visit guide; visits to conduct; leader links. */
export function ObservationHome() {
  const { t } = useWords();
  usePageTitle(t('observation.nav'));
  const me = useObservationMe();
  const institutions = me.data?.institutions ?? [];
  const observes = institutions.some((i) => i.can.observe);
  const toMe = useVisits({ role: 'teacher' }, !!me.data);
  const toConduct = useVisits({ role: 'observer' }, observes);
  if (me.isPending) return <Loading />;
  if (me.isError) return <RequestError error={me.error} />;
  const configure = institutions.filter((i) => i.can.configure);
  const data = institutions.some((i) => i.can.data) || (me.data.kommuner.length ?? 0) > 0;
  const visitsToMe = toMe.data?.items.filter((v) => v.kind === 'visit') ?? [];
  const mySelf = toMe.data?.items.filter((v) => v.kind === 'self') ?? [];
  const upcoming =
    toConduct.data?.items.filter(
      (v) => v.kind === 'visit' && (v.status === 'planned' || v.status === 'in_progress'),
    ) ?? [];
  // Visits I observed and finished: the learning conversation and next step follow (not yet agreed first).
  const followUp = (toConduct.data?.items.filter((v) => v.kind === 'visit' && v.status === 'completed') ?? [])
    .sort((a, b) => Number(a.nextStepAgreed) - Number(b.nextStepAgreed))
    .slice(0, 10);
  const published = institutions.filter((i) => i.guide.published);

  return (
    <div className="page obs-home">
      <h1>{t('observation.nav')}</h1>
      <p className="lead">{t('observation.home.lead')}</p>
      <GuidePrompt institutions={institutions} />

      {(configure.length > 0 || data) && (
        <nav className="card obs-lead-links" aria-labelledby="obs-lead-title">
          <h2 id="obs-lead-title">{t('observation.home.leadTitle')}</h2>
          <ul className="obs-link-row">
            {configure.length > 0 && (
              <>
                <li>
                  <Link to="/observation/opsaetning" className="btn btn-secondary">
                    {t('observation.home.setup')}
                  </Link>
                </li>
                <li>
                  <Link to="/observation/planlaegning" className="btn btn-secondary">
                    {t('observation.home.planning')}
                  </Link>
                </li>
              </>
            )}
            {data && (
              <li>
                <Link to="/observation/data" className="btn btn-secondary">
                  {t('observation.home.data')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}

      {observes && (
        <section className="card" aria-labelledby="obs-conduct-title">
          <h2 id="obs-conduct-title">{t('observation.home.toConduct')}</h2>
          <QueryView query={toConduct} empty={upcoming.length === 0 && t('observation.home.noneToConduct')}>
            {() => (
              <ul className="plain-list obs-visit-list">
                {upcoming.map((v) => (
                  <VisitRow
                    key={v.id}
                    visit={v}
                    action={{
                      to: `/observation/besoeg/${v.id}/gennemfoer`,
                      label: t('observation.home.conduct'),
                    }}
                  />
                ))}
              </ul>
            )}
          </QueryView>
        </section>
      )}

      {observes && followUp.length > 0 && (
        <section className="card" aria-labelledby="obs-followup-title">
          <h2 id="obs-followup-title">{t('observation.home.followUp')}</h2>
          <p className="muted">{t('observation.home.followUpHelp')}</p>
          <ul className="plain-list obs-visit-list">
            {followUp.map((v) => (
              <VisitRow
                key={v.id}
                visit={v}
                action={{
                  to: `/observation/besoeg/${v.id}`,
                  label: v.nextStepAgreed ? t('observation.home.open') : t('observation.home.followUpAction'),
                }}
              />
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="obs-tome-title">
        <h2 id="obs-tome-title">{t('observation.home.toMe')}</h2>
        <QueryView query={toMe} empty={visitsToMe.length === 0 && t('observation.home.noneToMe')}>
          {() => (
            <ul className="plain-list obs-visit-list">
              {visitsToMe.map((v) => (
                <VisitRow
                  key={v.id}
                  visit={v}
                  action={
                    v.status === 'completed'
                      ? { to: `/observation/besoeg/${v.id}`, label: t('observation.home.readReflect') }
                      : undefined
                  }
                />
              ))}
            </ul>
          )}
        </QueryView>
      </section>

      <section className="card" aria-labelledby="obs-self-title">
        <h2 id="obs-self-title">{t('observation.home.self')}</h2>
        <p>{t('observation.self.privacy')}</p>
        <QueryView query={toMe} empty={mySelf.length === 0 && t('observation.home.noneSelf')}>
          {() => (
            <ul className="plain-list obs-visit-list">
              {mySelf.slice(0, 5).map((v) => (
                <VisitRow key={v.id} visit={v} />
              ))}
            </ul>
          )}
        </QueryView>
        <p>
          <Link to="/observation/egen" className="btn btn-secondary">
            {t('observation.home.selfLink')}
          </Link>
        </p>
      </section>

      {published.length > 0 && (
        <section className="card" aria-labelledby="obs-guides-title">
          <h2 id="obs-guides-title">{t('observation.home.guides')}</h2>
          <ul className="link-list">
            {published.map((i) => (
              <li key={i.id}>
                <Link to={`/observation/guide/${i.id}`}>
                  {t('observation.guide.titleFor', { name: i.name })}
                </Link>
                {i.guide.read && <span className="muted"> · {t('observation.guide.readMark')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {institutions.length === 0 && <p className="muted">{t('observation.home.noInstitution')}</p>}
    </div>
  );
}
