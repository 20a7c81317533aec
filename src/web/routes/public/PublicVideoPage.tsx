import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useRelated } from '../../api/search';
import { useVideo, videoKeys } from '../../api/videos';
import { Loading, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Player } from '../../components/player/Player';
import { usePageTitle } from '../../components/usePageTitle';
import { VideoCard } from '../videos/VideoCard';
import '../public.css';

function SignInLink() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Link to="/log-ind" state={{ from: location.pathname }} className="btn btn-primary">
      {t('publicVideo.signIn')}
    </Link>
  );
}

/**
 * /videoer/:id for someone not signed in (issue 15): a public video — the player, its description and similar
 * public videos. The server decides (the anonymous actor through the policy): any other video is "not found".
 * Comments, notes and sharing are for people signed in.
 */
export function PublicVideoPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const video = useVideo(id);
  const related = useRelated(id ?? '');
  usePageTitle(video.data?.title ?? t('video.notFoundTitle'));

  if (video.isPending) return <Loading />;
  if (video.isError) {
    const notFound = video.error instanceof ApiError && video.error.status === 404;
    return (
      <div className="page-narrow">
        <h1>{notFound ? t('video.notFoundTitle') : t('video.title')}</h1>
        {notFound ? <p>{t('publicVideo.notFoundHelp')}</p> : <RequestError error={video.error} />}
        <p className="public-actions">
          <SignInLink />
          <Link to="/videoer">{t('publicVideo.back')}</Link>
        </p>
      </div>
    );
  }
  const v = video.data;
  return (
    <div className="page video-page">
      <Breadcrumbs items={[{ to: '/videoer', label: t('publicVideos.title') }, { label: v.title }]} />
      <p className="muted shared-kicker">{t('publicVideo.kicker')}</p>
      <h1 className="break">{v.title}</h1>
      <div className="video-player-wrap">
        <Player
          video={v}
          onMediaExpired={() => void qc.invalidateQueries({ queryKey: videoKeys.one(v.id), exact: true })}
        />
      </div>
      {v.description && <p className="video-description">{v.description}</p>}
      <div className="public-actions">
        <SignInLink />
        <p className="muted">{t('publicVideo.signInToTalk')}</p>
      </div>
      {!!related.data?.items.length && (
        <section className="related-videos" aria-labelledby="related-heading">
          <h2 id="related-heading">{t('publicVideo.related')}</h2>
          <ul className="video-grid" aria-labelledby="related-heading">
            {related.data.items.map((r) => (
              <VideoCard key={r.id} video={r} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
