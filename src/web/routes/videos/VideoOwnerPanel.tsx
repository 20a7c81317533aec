import { useTranslation } from 'react-i18next';
import { setSetup, useVideoMutation, type VideoView } from '../../api/videos';
import { RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CaptionsSection } from './CaptionsSection';
import { ConsentForm } from './ConsentForm';
import { SharesSection } from './SharesSection';
import { VisibilityForm } from './VisibilityForm';

/**
 * What only the owner sees and changes: who may watch, the consent register, share links and captions. While the
 * walk-through "Gør videoen klar" is open at the top, consent and visibility are there (not twice on the page).
 */
export function VideoOwnerPanel({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const inWalkthrough = video.setup === 'open';
  const reopen = useVideoMutation(video.id, () => setSetup(video.id, 'open'));
  return (
    <section className="video-owner" aria-labelledby="video-owner-heading">
      <div className="section-head">
        <h2 id="video-owner-heading">{t('video.ownerTools')}</h2>
        {!inWalkthrough && (
          <Button variant="secondary" busy={reopen.isPending} onClick={() => reopen.mutate(undefined)}>
            {t('walkthrough.reopen')}
          </Button>
        )}
      </div>
      <RequestError error={reopen.error} />
      <div className="card-grid card-grid-2">
        {!inWalkthrough && <ConsentForm video={video} />}
        {!inWalkthrough && <VisibilityForm video={video} />}
        <SharesSection video={video} />
        <CaptionsSection video={video} />
      </div>
    </section>
  );
}
