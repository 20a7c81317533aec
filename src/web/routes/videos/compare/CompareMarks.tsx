import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../api/feedback';
import type { VideoView } from '../../../api/videos';
import type { PlayerHandle } from '../../../components/player/Player';
import { FeedbackMarks } from '../feedback/FeedbackMarks';

/**
 * A side's typed feedback as marks on a timeline, each a button that jumps there (the video page's FeedbackMarks).
 * Only for those who may read the feedback (the owner and the people it is shared with); otherwise none.
 */
export function CompareMarks({
  video,
  player,
}: {
  video: VideoView;
  player: RefObject<PlayerHandle | null>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback(video.id, video.canFeedback);
  const items = feedback.data?.items ?? [];
  if (!video.canFeedback || !items.length) return null;
  return (
    <FeedbackMarks
      items={items}
      durationSeconds={video.durationSeconds}
      onSeek={(s) => player.current?.seek(s)}
      label={t('compare.marks')}
    />
  );
}
