import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSharedWithMe } from '../../../api/grants';
import { formatTime } from '../../../components/player/format';
import { QueryView } from '../../../components/QueryView';
import { formatDay } from './format';
import '../search.css';

/**
 * "Delt med mig" (issue 19, V10): the recordings colleagues shared with me personally, each with who shared it
 * and until when. Nobody else sees them here (they are private to their owner and the people chosen).
 */
export function SharedWithMe() {
  const { t } = useTranslation();
  const query = useSharedWithMe();
  const items = query.data?.items ?? [];
  return (
    <section className="video-section" aria-labelledby="videos-shared">
      <h2 id="videos-shared">{t('grants.sharedWithMe')}</h2>
      <p className="hint">{t('grants.sharedIntro')}</p>
      <QueryView query={query} empty={query.isSuccess && items.length === 0 && t('grants.sharedNone')}>
        {() => (
          <ul className="video-grid" aria-labelledby="videos-shared">
            {items.map((v) => (
              <li key={v.videoId} className="video-card">
                <div className="video-thumb">
                  {v.posterUrl ? (
                    <img src={v.posterUrl} alt="" loading="lazy" />
                  ) : (
                    <span className="video-thumb-empty" aria-hidden="true" />
                  )}
                  {v.durationSeconds ? (
                    <span className="video-duration">
                      <span className="sr-only">{t('videos.duration')} </span>
                      {formatTime(v.durationSeconds)}
                    </span>
                  ) : null}
                </div>
                <div className="video-card-body">
                  <h3 className="video-card-title">
                    <Link to={`/videoer/${v.videoId}`} className="stretched-link">
                      {v.title}
                    </Link>
                  </h3>
                  <p className="video-card-meta">
                    <span>{t('grants.sharedBy', { name: v.owner.name })}</span>
                  </p>
                  <p className="video-card-topic">
                    {v.expiresOn ? t('grants.until', { date: formatDay(v.expiresOn) }) : t('grants.noEnd')}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
