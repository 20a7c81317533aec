import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VideoView } from '../../api/videos';
import { formatTime } from '../../components/player/format';

/** Uploader… / Behandles 42 % / Klar / Fejlet. */
export function VideoStatusBadge({ video }: { video: Pick<VideoView, 'status' | 'progress'> }) {
  const { t } = useTranslation();
  const text =
    video.status === 'processing'
      ? t('videos.status.processingAt', { progress: video.progress ?? 0 })
      : t(`videos.status.${video.status}`);
  return <span className={`badge badge-video-${video.status}`}>{text}</span>;
}

/** A video in a list: poster, title (the link), and a line about it. */
export function VideoCard({ video, showStatus }: { video: VideoView; showStatus?: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="video-card">
      <div className="video-thumb">
        {video.posterUrl ? (
          <img src={video.posterUrl} alt="" loading="lazy" />
        ) : (
          <span className="video-thumb-empty" aria-hidden="true" />
        )}
        {video.durationSeconds ? (
          <span className="video-duration">
            <span className="sr-only">{t('videos.duration')} </span>
            {formatTime(video.durationSeconds)}
          </span>
        ) : null}
      </div>
      <div className="video-card-body">
        <h3 className="video-card-title">
          <Link to={`/videoer/${video.id}`} className="stretched-link">
            {video.title}
          </Link>
        </h3>
        <p className="video-card-meta">
          {showStatus && <VideoStatusBadge video={video} />}
          {showStatus ? (
            <span className="badge">{t(`visibility.short.${video.visibility}`)}</span>
          ) : (
            <span>{video.owner.name}</span>
          )}
        </p>
      </div>
    </li>
  );
}
