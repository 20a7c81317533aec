import { useTranslation } from 'react-i18next';
import type { VideoView } from '../../api/videos';
import { CaptionsSection } from './CaptionsSection';
import { ConsentForm } from './ConsentForm';
import { SharesSection } from './SharesSection';
import { VisibilityForm } from './VisibilityForm';

/** What only the owner sees and changes: who may watch, the consent register, share links and captions. */
export function VideoOwnerPanel({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  return (
    <div className="video-owner">
      <h2 className="sr-only">{t('video.ownerTools')}</h2>
      <div className="card-grid card-grid-2">
        <ConsentForm video={video} />
        <VisibilityForm video={video} />
        <SharesSection video={video} />
        <CaptionsSection video={video} />
      </div>
    </div>
  );
}
