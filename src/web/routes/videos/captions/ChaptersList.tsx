import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChapters } from '../../../api/coaching-captions';
import type { VideoView } from '../../../api/videos';
import { formatTime } from '../../../components/player/format';
import type { PlayerHandle } from '../../../components/player/Player';
import './captions.css';

/**
 * "Kapitler" on the video page (issue 19 part E): the chapters as buttons that seek the player, and for those who
 * may describe the video the way to the caption and chapter editor.
 */
export function ChaptersList({
  video,
  player,
}: {
  video: VideoView;
  player: RefObject<PlayerHandle | null>;
}) {
  const { t } = useTranslation();
  const chapters = useChapters(video.id);
  const list = chapters.data?.chapters ?? [];
  const canEdit = video.catalogue.canDescribe;
  if (!list.length && !canEdit) return null;
  return (
    <section className="card chapters-list" aria-labelledby="chapters-heading">
      <h2 id="chapters-heading">{t('captionEditor.chaptersHeading')}</h2>
      {list.length ? (
        <ol>
          {list.map((c) => (
            <li key={c.start}>
              <button type="button" className="btn btn-link" onClick={() => player.current?.seek(c.start)}>
                <span className="chapter-time">{formatTime(c.start)}</span>
                {c.title}
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('captionEditor.noChaptersYet')}</p>
      )}
      {canEdit && (
        <p>
          <Link to={`/videoer/${video.id}/undertekster`}>{t('captionEditor.editLink')}</Link>
        </p>
      )}
    </section>
  );
}
