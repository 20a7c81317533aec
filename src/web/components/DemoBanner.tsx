import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDemoMedia } from '../api/demo';
import { useMe } from '../api/people';

/**
 * Administrators of a demo instance: "23 af 63 demovideoer klar" while the demo's videos are being made, and
 * once they are all done (only if this page saw them unfinished — no banner on a demo that was ready long ago).
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // The same rule as the endpoint's ('demo.status'): administrators, who also read the outbox.
  const { data } = useDemoMedia(!!me?.capabilities.readOutbox);
  const sawUnfinished = useRef(false);
  if (!data?.demo || data.total === 0) return null;
  if (!data.done) sawUnfinished.current = true;
  else if (!sawUnfinished.current) return null;
  const message = !data.done
    ? t('demo.media.progress', data)
    : data.failed
      ? t('demo.media.doneWithFailures', data)
      : t('demo.media.done', data);
  return (
    <div role="status" className={`alert ${data.done ? 'alert-success' : 'alert-info'} demo-banner`}>
      {message}
    </div>
  );
}
