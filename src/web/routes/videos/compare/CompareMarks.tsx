import { useQuery } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackKind } from '../../../../shared/coaching';
import { api } from '../../../api/client';
import { type VideoView, videoKeys } from '../../../api/videos';
import { formatTime } from '../../../components/player/format';
import type { PlayerHandle } from '../../../components/player/Player';

/** What the side by side page reads of a recording's feedback (GET /videos/:id/feedback, issue 19 part B). */
type Mark = { id: string; atSeconds: number; kind: FeedbackKind; body: string };

/**
 * A side's typed feedback as marks on a timeline, each a button that jumps there. Only for those who may read the
 * feedback (the owner and the people it is shared with); when the API says no (403/404), no marks are shown.
 */
export function CompareMarks({
  video,
  player,
}: {
  video: VideoView;
  player: RefObject<PlayerHandle | null>;
}) {
  const { t } = useTranslation();
  const marks = useQuery({
    queryKey: [...videoKeys.one(video.id), 'feedback', 'marks'],
    queryFn: () => api<{ items: Mark[] }>(`/videos/${video.id}/feedback`).then((r) => r.items),
    enabled: video.canFeedback,
    retry: false,
  });
  const items = marks.data ?? [];
  const duration = video.durationSeconds ?? 0;
  if (!video.canFeedback || !items.length || duration <= 0) return null;
  return (
    <div className="compare-marks">
      <h3 className="sr-only">{t('compare.marks')}</h3>
      <ul className="compare-marks-line" aria-label={t('compare.marks')}>
        {items.map((m) => (
          <li
            key={m.id}
            className={`compare-mark compare-mark-${m.kind}`}
            style={{ left: `${Math.min(100, (m.atSeconds / duration) * 100)}%` }}
          >
            <button
              type="button"
              title={m.body}
              aria-label={t('compare.mark', {
                kind: t(`compare.kind.${m.kind}`),
                time: formatTime(m.atSeconds),
              })}
              onClick={() => player.current?.seek(m.atSeconds)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
