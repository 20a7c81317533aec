import { useTranslation } from 'react-i18next';
import { useRelated } from '../../api/search';
import { VideoCard } from './VideoCard';

/** "Relaterede videoer" on a video page: up to 6 I may watch that share subject, methods, pillars or age band. */
export function RelatedVideos({ videoId }: { videoId: string }) {
  const { t } = useTranslation();
  const related = useRelated(videoId);
  // Nothing related (or not loaded): the page simply has no such section.
  if (!related.data?.items.length) return null;
  return (
    <section className="related-videos" aria-labelledby="related-heading">
      <h2 id="related-heading">{t('search.related')}</h2>
      <ul className="video-grid" aria-labelledby="related-heading">
        {related.data.items.map((v) => (
          <VideoCard key={v.id} video={v} />
        ))}
      </ul>
    </section>
  );
}
