import { useObservationMe, useVisits } from '../../../api/observation';
import { useMe } from '../../../api/people';
import { Loading, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import { useWords } from '../../../i18n/words';
import { VisitRow } from '../visits/VisitBits';
import { SelfObservationForm } from './SelfObservationForm';
import '../observation.css';

/** /observation/egen — self-observation (O5): mine, the ones I am invited to, and a new one. */
export function SelfObservationPage() {
  const { t } = useWords();
  usePageTitle(t('observation.self.title'));
  const { data: me } = useMe();
  const obsMe = useObservationMe();
  const mine = useVisits({ role: 'teacher' });
  const invitedTo = useVisits({ role: 'guest' });
  if (obsMe.isPending || !me) return <Loading />;
  if (obsMe.isError) return <RequestError error={obsMe.error} />;
  const mySelf = mine.data?.items.filter((v) => v.kind === 'self') ?? [];
  const invited = invitedTo.data?.items ?? [];
  const places = obsMe.data.institutions.filter((i) => i.can.self);
  const conduct = (id: string, status: string) =>
    status === 'planned' || status === 'in_progress'
      ? { to: `/observation/besoeg/${id}/gennemfoer`, label: t('observation.home.conduct') }
      : undefined;
  return (
    <div className="page obs-self-page">
      <Breadcrumbs
        items={[{ to: '/observation', label: t('observation.nav') }, { label: t('observation.self.title') }]}
      />
      <h1>{t('observation.self.title')}</h1>
      <p className="lead">{t('observation.self.lead')}</p>
      <p className="alert alert-info obs-privacy">
        <strong>{t('observation.self.privacy')}</strong>
      </p>
      <div className="obs-columns">
        <section className="card" aria-labelledby="obs-self-mine">
          <h2 id="obs-self-mine">{t('observation.self.mine')}</h2>
          <QueryView query={mine} empty={mySelf.length === 0 && t('observation.home.noneSelf')}>
            {() => (
              <ul className="plain-list obs-visit-list">
                {mySelf.map((v) => (
                  <VisitRow key={v.id} visit={v} action={conduct(v.id, v.status)} />
                ))}
              </ul>
            )}
          </QueryView>
          {invited.length > 0 && (
            <>
              <h2>{t('observation.self.invited')}</h2>
              <ul className="plain-list obs-visit-list">
                {invited.map((v) => (
                  <VisitRow key={v.id} visit={v} />
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="obs-self-new">
          <h2 id="obs-self-new">{t('observation.self.new')}</h2>
          {places.length ? (
            <SelfObservationForm institutions={places} />
          ) : (
            <p className="muted">{t('observation.self.noPlace')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
