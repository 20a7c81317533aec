import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useGuide, useMarkGuideRead, useObservationMe } from '../../../api/observation';
import { Loading, Notice, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { usePageTitle } from '../../../components/usePageTitle';
import { useWords } from '../../../i18n/words';
import { formatDay } from '../visits/VisitBits';
import { GuideText } from './GuideView';
import '../observation.css';

/** /observation/guide/:institutionId — the institution's visit guide (O6), read before the first visit. */
export function GuidePage() {
  const { institutionId } = useParams();
  const { t } = useWords(institutionId);
  const guide = useGuide(institutionId);
  const me = useObservationMe();
  const read = useMarkGuideRead(institutionId ?? '');
  const institution = me.data?.institutions.find((i) => i.id === institutionId);
  const title = institution
    ? t('observation.guide.titleFor', { name: institution.name })
    : t('observation.guide.title');
  usePageTitle(title);
  const notFound =
    guide.error instanceof ApiError && (guide.error.status === 404 || guide.error.status === 403);
  return (
    <div className="page page-narrow obs-guide-page">
      <Breadcrumbs
        items={[{ to: '/observation', label: t('observation.nav') }, { label: t('observation.guide.title') }]}
      />
      <h1>{title}</h1>
      {guide.isPending ? (
        <Loading />
      ) : notFound ? (
        <p>{t('observation.guide.notFound')}</p>
      ) : guide.isError ? (
        <RequestError error={guide.error} />
      ) : !guide.data.publishedAt || !guide.data.body ? (
        <p className="alert alert-info">{t('observation.guide.notPublished')}</p>
      ) : (
        <>
          <p className="lead">{t('observation.guide.intro')}</p>
          <article className="card obs-guide-card" aria-label={t('observation.guide.title')}>
            <GuideText body={guide.data.body} />
            <p className="muted">
              {t('observation.guide.published', { date: formatDay(guide.data.publishedAt) })}
            </p>
          </article>
          <RequestError error={read.error} />
          <Notice message={guide.data.read ? t('observation.guide.hasRead') : null} />
          {!guide.data.read && (
            <Button busy={read.isPending} onClick={() => read.mutate()} className="obs-guide-confirm">
              {t('observation.guide.confirm')}
            </Button>
          )}
        </>
      )}
      <p>
        <Link to="/observation">{t('observation.backToHub')}</Link>
      </p>
    </div>
  );
}
