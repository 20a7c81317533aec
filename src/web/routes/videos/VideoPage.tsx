import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { busy, useVideo, type VideoView, videoKeys } from '../../api/videos';
import { Loading, Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Discussion } from '../../components/comments/Discussion';
import { formatTime } from '../../components/player/format';
import { Player, type PlayerHandle } from '../../components/player/Player';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import { CatalogueSection } from '../catalogue/CatalogueSection';
import { ShareToCommunity } from '../communities/ShareToCommunity';
import { ReflectionPanel } from '../reflection/ReflectionPanel';
import { VideoStories } from '../stories/StoryCard';
import { TrainingSection } from '../training/demand/TrainingSection';
import { ChaptersList } from './captions/ChaptersList';
import { ClipTools } from './clips/ClipTools';
import { FeedbackPanel } from './feedback/FeedbackPanel';
import { GrantsSection } from './grants/GrantsSection';
import { RelatedVideos } from './RelatedVideos';
import { RenditionsState } from './RenditionsState';
import { SetupWizard } from './SetupWizard';
import { DeleteVideoButton, EditVideoDialog } from './VideoActions';
import { VideoOwnerPanel } from './VideoOwnerPanel';
import { VideoProgressPanel } from './VideoProgressPanel';

function NotFoundVideo({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  usePageTitle(notFound ? t('video.notFoundTitle') : t('video.title'));
  return (
    <div className="page-narrow">
      <h1>{notFound ? t('video.notFoundTitle') : t('video.title')}</h1>
      {notFound ? (
        <>
          <p className="alert alert-error">{error.message || t('video.notFound')}</p>
          <p>{t('video.notFoundHelp')}</p>
        </>
      ) : (
        <RequestError error={error} />
      )}
      <p>
        <Link to="/videoer">{t('video.backToList')}</Link>
      </p>
    </div>
  );
}

function VideoMeta({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  return (
    <p className="video-meta muted">
      <span>{t('video.by', { name: video.owner.name })}</span>
      <span>{formatDateTime(video.createdAt)}</span>
      {video.durationSeconds ? (
        <span>
          {t('videos.duration')} {formatTime(video.durationSeconds)}
        </span>
      ) : null}
      {video.canEdit && <span className="badge">{t(`visibility.short.${video.visibility}`)}</span>}
    </p>
  );
}

/** Says "the video is ready" once, when processing finishes while the page is open. */
function useReadyNotice(video: VideoView | undefined) {
  const { t } = useTranslation();
  const before = useRef(video?.status);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!video) return;
    if (before.current && before.current !== 'ready' && video.status === 'ready')
      setNotice(t('video.nowReady'));
    before.current = video.status;
  }, [video, t]);
  return notice;
}

/** /videoer/:id: while uploading/processing its progress, when failed the reason, when ready the player. */
export function VideoPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const video = useVideo(id);
  const state = useLocation().state as { notice?: string } | null;
  const readyNotice = useReadyNotice(video.data);
  const player = useRef<PlayerHandle>(null);
  usePageTitle(video.data?.title ?? t('video.title'));

  if (video.isPending) return <Loading />;
  if (video.isError) return <NotFoundVideo error={video.error} />;
  const v = video.data;

  return (
    <div className="page video-page">
      <Breadcrumbs items={[{ to: '/videoer', label: t('videos.title') }, { label: v.title }]} />
      {/* "Upload finished, now processing" only while that is still true. */}
      <Notice message={readyNotice ?? (busy(v) ? state?.notice : null)} />
      <div className="page-head">
        <div>
          <h1 className="break">{v.title}</h1>
          <VideoMeta video={v} />
        </div>
        {v.status === 'ready' && v.canEdit && (
          <div className="page-actions">
            <EditVideoDialog video={v} />
          </div>
        )}
      </div>
      {/* "Gør videoen klar": the owner's walk-through after an upload, also while it is processed. */}
      {v.setup !== undefined && (v.status === 'ready' || v.status === 'processing') && (
        <SetupWizard video={v} />
      )}
      {v.status === 'ready' ? (
        <>
          <div className="video-player-wrap">
            <Player
              handle={player}
              video={v}
              onMediaExpired={() => void qc.invalidateQueries({ queryKey: videoKeys.one(v.id), exact: true })}
            />
          </div>
          <RenditionsState video={v} />
          {v.description && <p className="video-description">{v.description}</p>}
          <GrantsSection video={v} />
          <FeedbackPanel video={v} player={player} />
          <ChaptersList video={v} player={player} />
          <CatalogueSection video={v} />
          <TrainingSection video={v} />
          {/* Nobody else can try out one's own private video: no tried/worked box there. */}
          <ReflectionPanel
            videoId={v.id}
            player={player}
            signals={!(v.canEdit && v.visibility === 'private')}
          />
          <ShareToCommunity video={v} />
          <ClipTools video={v} player={player} />
          {v.widestVisibility !== undefined && <VideoOwnerPanel video={v} />}
          <Discussion videoId={v.id} player={player} />
          <VideoStories videoId={v.id} />
          <RelatedVideos videoId={v.id} />
          {v.canDelete && (
            <div className="video-danger">
              <DeleteVideoButton video={v} />
            </div>
          )}
        </>
      ) : (
        <VideoProgressPanel video={v} />
      )}
    </div>
  );
}
