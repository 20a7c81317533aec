import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useVideos } from '../../api/videos';
import { Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { VideoCard } from './VideoCard';

function VideoList({ mine, headingId }: { mine: boolean; headingId: string }) {
  const { t } = useTranslation();
  const query = useVideos(mine);
  // "Videoer du kan se" (mine=false) leaves out my own: they are in the list above.
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <QueryView
      query={query}
      empty={query.isSuccess && items.length === 0 && t(mine ? 'videos.noneMine' : 'videos.noneOthers')}
    >
      {() => (
        <>
          <ul className="video-grid" aria-labelledby={headingId}>
            {items.map((v) => (
              <VideoCard key={v.id} video={v} showStatus={mine} />
            ))}
          </ul>
          {query.hasNextPage && (
            <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
              {t('videos.showMore')}
            </Button>
          )}
        </>
      )}
    </QueryView>
  );
}

/** /videoer: my own videos in every state, then the videos others have shared with me. */
export function VideosPage() {
  const { t } = useTranslation();
  usePageTitle(t('videos.title'));
  const state = useLocation().state as { notice?: string } | null;
  return (
    <div className="page">
      <div className="page-head videos-head">
        <div>
          <h1>{t('videos.title')}</h1>
          <p className="lead">{t('videos.intro')}</p>
        </div>
        <div className="page-actions">
          <Link to="/videoer/ny" className="btn btn-primary">
            {t('videos.upload')}
          </Link>
        </div>
      </div>
      <Notice message={state?.notice} />
      <section className="video-section">
        <h2 id="videos-mine">{t('videos.mine')}</h2>
        <VideoList mine headingId="videos-mine" />
      </section>
      <section className="video-section">
        <h2 id="videos-others">{t('videos.others')}</h2>
        <VideoList mine={false} headingId="videos-others" />
      </section>
    </div>
  );
}
