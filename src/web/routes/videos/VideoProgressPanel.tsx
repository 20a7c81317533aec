import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VideoView } from '../../api/videos';
import { DeleteVideoButton, RetryButton } from './VideoActions';
import { VideoStatusBadge } from './VideoCard';

/** Every 10 % of processing, one polite sentence for screen readers. */
function useStepAnnouncement(progress: number) {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  const step = Math.floor(progress / 10) * 10;
  useEffect(() => {
    if (step > 0) setSaid(t('video.processingAnnounce', { progress: step }));
  }, [step, t]);
  return said;
}

function Processing({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const labelId = useId();
  const progress = video.progress ?? 0;
  const said = useStepAnnouncement(progress);
  return (
    <>
      <p id={labelId} className="progress-label">
        {t('video.processingLabel')} <strong>{progress} %</strong>
      </p>
      <progress
        className="upload-bar"
        max={100}
        value={progress}
        aria-labelledby={labelId}
        aria-valuetext={`${progress} %`}
      />
      <p className="hint">{t('video.processingHint')}</p>
      <p className="sr-only" role="status">
        {said}
      </p>
    </>
  );
}

/** A video that cannot be played (yet): its upload or processing progress, or why it failed. */
export function VideoProgressPanel({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  return (
    <section className="card video-state" aria-labelledby="video-state-heading">
      <h2 id="video-state-heading">
        {t('video.state')} <VideoStatusBadge video={video} />
      </h2>
      {video.status === 'processing' && <Processing video={video} />}
      {video.status === 'uploading' && (
        <>
          <p>{t('video.uploadingText')}</p>
          {video.canEdit && (
            <p>
              <Link to="/videoer/ny">{t('video.continueUpload')}</Link>
            </p>
          )}
        </>
      )}
      {video.status === 'failed' && (
        <div className="alert alert-error" role="alert">
          <strong>{t('video.failedTitle')}</strong> {video.failure?.message ?? t('errors.unexpected')}
        </div>
      )}
      {video.status === 'failed' && <p>{t('video.failedHelp')}</p>}
      <div className="form-actions">
        {video.status === 'failed' && video.canEdit && <RetryButton video={video} />}
        {video.canDelete && <DeleteVideoButton video={video} />}
      </div>
    </section>
  );
}
