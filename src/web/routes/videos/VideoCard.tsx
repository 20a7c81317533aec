import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VideoSummary } from '../../api/search';
import type { VideoView } from '../../api/videos';
import { formatTime } from '../../components/player/format';
import './search.css';

/** Uploader… / Behandles 42 % / Klar / Fejlet. */
export function VideoStatusBadge({ video }: { video: Pick<VideoView, 'status' | 'progress'> }) {
  const { t } = useTranslation();
  const text =
    video.status === 'processing'
      ? t('videos.status.processingAt', { progress: video.progress ?? 0 })
      : t(`videos.status.${video.status}`);
  return <span className={`badge badge-video-${video.status}`}>{text}</span>;
}

/**
 * What a card needs: the search API's item (GET /videos, /home, /videos/:id/related). Lists from other
 * endpoints may pass fewer fields; the card leaves out what it does not get.
 */
export type CardVideo = Pick<VideoSummary, 'id' | 'title' | 'durationSeconds' | 'posterUrl'> &
  Partial<Omit<VideoSummary, 'id' | 'title' | 'durationSeconds' | 'posterUrl'>>;

/**
 * A video in a list: poster with duration (and "Udvalgt" when in an editors' collection), the title as the link, subject and
 * age band, who made it, and how many have tried it. `showStatus` (my own videos): processing state and
 * visibility instead of the author. `headingLevel` follows the list's heading (default h3).
 */
export function VideoCard({
  video,
  showStatus,
  headingLevel = 3,
}: {
  video: CardVideo;
  showStatus?: boolean;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const topic = [video.subject?.label, video.ageBand ? t(`catalogue.ageBand.${video.ageBand}`) : null].filter(
    Boolean,
  );
  return (
    <li className="video-card">
      <div className="video-thumb">
        {video.posterUrl ? (
          <img src={video.posterUrl} alt="" loading="lazy" />
        ) : (
          <span className="video-thumb-empty" aria-hidden="true" />
        )}
        {video.featured ? <span className="video-curated">{t('search.card.curated')}</span> : null}
        {video.durationSeconds ? (
          <span className="video-duration">
            <span className="sr-only">{t('videos.duration')} </span>
            {formatTime(video.durationSeconds)}
          </span>
        ) : null}
      </div>
      <div className="video-card-body">
        <Heading className="video-card-title">
          <Link to={`/videoer/${video.id}`} className="stretched-link">
            {video.title}
          </Link>
        </Heading>
        {topic.length > 0 && <p className="video-card-topic">{topic.join(' · ')}</p>}
        <p className="video-card-meta">
          {showStatus && video.status && (
            <VideoStatusBadge video={{ status: video.status, progress: video.progress ?? null }} />
          )}
          {showStatus && video.visibility ? (
            <span className="badge">{t(`visibility.short.${video.visibility}`)}</span>
          ) : video.owner ? (
            <span>
              {video.owner.name}
              {video.institution ? `, ${video.institution.name}` : ''}
            </span>
          ) : null}
        </p>
        {!showStatus && video.triedCount ? (
          <p className="video-card-tried">{t('search.card.tried', { count: video.triedCount })}</p>
        ) : null}
      </div>
    </li>
  );
}
