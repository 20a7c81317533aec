import { useTranslation } from 'react-i18next';
import type { VideoView } from '../../api/videos';

/**
 * Issue 21: a video plays from its first rendition while its other qualities are made. Everyone is told more
 * are on the way; the owner (and whoever may edit) also sees which renditions play now and which are coming.
 */
export function RenditionsState({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const r = video.renditions;
  if (!r || r.coming.length === 0) return null;
  return (
    <div className="alert alert-info video-renditions" role="status">
      <p>{t('video.renditionsComing')}</p>
      {video.canEdit && (
        <p className="muted">
          {t('video.renditionsDone', { names: r.done.join(', ') })}
          {' · '}
          {t('video.renditionsPending', { names: r.coming.join(', ') })}
        </p>
      )}
    </div>
  );
}
