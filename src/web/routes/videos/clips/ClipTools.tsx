import { type FormEvent, type RefObject, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COACHING_LIMITS } from '../../../../shared/coaching';
import { useClips, useComparable, useCreateClip } from '../../../api/clips';
import { busy, useVideo, type VideoView } from '../../../api/videos';
import { RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import type { PlayerHandle } from '../../../components/player/Player';
import { clock, parseClock } from './time';
import './clips.css';

/** The new clip while it is cut and processed, then a link to it. */
function MadeClip({ id }: { id: string }) {
  const { t } = useTranslation();
  const v = useVideo(id).data;
  if (!v) return null;
  return (
    <div className="alert alert-info" role="status">
      {busy(v) ? (
        <p>
          {t('clips.working', { title: v.title })} {v.progress !== null && `${v.progress} %`}
        </p>
      ) : v.status === 'failed' ? (
        <p>{v.failure?.message}</p>
      ) : (
        <p>{t('clips.made')}</p>
      )}
      <p>
        <Link to={`/videoer/${v.id}`}>{t('clips.open', { title: v.title })}</Link>
      </p>
    </div>
  );
}

/** The owner's "Klip" tool: start and end from the player or typed, a title, and the clip is made. */
function ClipForm({ video, player }: { video: VideoView; player: RefObject<PlayerHandle | null> }) {
  const { t } = useTranslation();
  const create = useCreateClip(video.id);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [title, setTitle] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const lengthId = useId();
  const from = parseClock(start);
  const to = parseClock(end);
  const duration = video.durationSeconds ?? 0;
  const problem =
    from === null || to === null
      ? null
      : to < from
        ? t('clips.endBeforeStart')
        : to - from < COACHING_LIMITS.clipMinSeconds
          ? t('clips.tooShort', { n: COACHING_LIMITS.clipMinSeconds })
          : to > duration + 0.05
            ? t('clips.beyondEnd')
            : null;
  const here = () => Math.round((player.current?.currentTime() ?? 0) * 10) / 10;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (from === null || to === null || create.isPending) return;
    create.mutate(
      { title: title.trim() || t('clips.defaultTitle', { title: video.title }), start: from, end: to },
      { onSuccess: (v) => setMade(v.id) },
    );
  }

  return (
    <form noValidate onSubmit={submit} className="clip-form" aria-describedby={lengthId}>
      <div className="clip-times">
        <div className="clip-time">
          <TextField
            label={t('clips.start')}
            name="start"
            inputMode="decimal"
            placeholder="0:00"
            value={start}
            hint={t('clips.timeHint')}
            error={start && from === null ? t('clips.badTime') : undefined}
            onChange={(e) => setStart(e.target.value)}
          />
          <Button variant="secondary" onClick={() => setStart(clock(here()))}>
            {t('clips.startHere')}
          </Button>
        </div>
        <div className="clip-time">
          <TextField
            label={t('clips.end')}
            name="end"
            inputMode="decimal"
            placeholder={clock(duration)}
            value={end}
            hint={t('clips.timeHint')}
            error={end && to === null ? t('clips.badTime') : undefined}
            onChange={(e) => setEnd(e.target.value)}
          />
          <Button variant="secondary" onClick={() => setEnd(clock(here()))}>
            {t('clips.endHere')}
          </Button>
        </div>
      </div>
      <p id={lengthId} className="clip-length" aria-live="polite">
        {from !== null && to !== null && !problem
          ? t('clips.length', { length: clock(to - from) })
          : (problem ?? t('clips.lengthUnknown'))}
      </p>
      <TextField
        label={t('clips.titleLabel')}
        name="title"
        maxLength={200}
        optional
        value={title}
        placeholder={t('clips.defaultTitle', { title: video.title })}
        onChange={(e) => setTitle(e.target.value)}
      />
      <p className="hint">{t('clips.privateHint')}</p>
      <RequestError error={create.error} />
      <Button type="submit" busy={create.isPending}>
        {t('clips.create')}
      </Button>
      {made && <MadeClip id={made} />}
    </form>
  );
}

/** "Sammenlign med en anden optagelse": one of my recordings or one shared with me, side by side with this one. */
function CompareWith({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const options = useComparable(open);
  const [other, setOther] = useState('');
  const list = (options.data ?? []).filter((o) => o.id !== video.id);
  const headingId = useId();
  return (
    <section className="card clip-compare" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('clips.compareTitle')}</h2>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('clips.compareOpen')}
        </Button>
      ) : options.isPending ? (
        <p>{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('clips.compareNone')}</p>
      ) : (
        <div className="clip-compare-pick">
          <SelectField
            label={t('clips.compareWith')}
            value={other}
            onChange={(e) => setOther(e.target.value)}
          >
            <option value="">{t('clips.compareChoose')}</option>
            {list.map((o) => (
              <option key={o.id} value={o.id}>
                {o.mine ? o.title : t('clips.sharedBy', { title: o.title, name: o.owner })}
              </option>
            ))}
          </SelectField>
          {other ? (
            <Link className="btn btn-primary" to={`/videoer/sammenlign?a=${video.id}&b=${other}`}>
              {t('clips.compareGo')}
            </Link>
          ) : null}
        </div>
      )}
      <RequestError error={options.error} />
    </section>
  );
}

/**
 * Coaching on the video page (issue 19, part C): for the owner "Klip fra <original>", the clips cut from this
 * recording and the "Klip" tool; for the owner and those it is shared with, "Sammenlign med en anden optagelse".
 */
export function ClipTools({ video, player }: { video: VideoView; player: RefObject<PlayerHandle | null> }) {
  const { t } = useTranslation();
  const owner = video.canEdit && video.widestVisibility !== undefined;
  const clips = useClips(video.id, owner);
  const headingId = useId();
  if (!owner && !video.canFeedback) return null;
  const o = clips.data;
  return (
    <div className="clip-tools">
      {owner && (
        <section className="card" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('clips.title')}</h2>
          {o?.clipOf && (
            <p className="clip-of">
              {t('clips.clipOf')} <Link to={`/videoer/${o.clipOf.id}`}>{o.clipOf.title}</Link>
              {o.clipOf.start !== null && o.clipOf.end !== null && (
                <span className="muted">
                  {' '}
                  ({clock(o.clipOf.start)}–{clock(o.clipOf.end)})
                </span>
              )}
            </p>
          )}
          <p className="hint">{t('clips.intro')}</p>
          <ClipForm video={video} player={player} />
          {o && o.clips.length > 0 && (
            <>
              <h3>{t('clips.list')}</h3>
              <ul className="clip-list">
                {o.clips.map((c) => (
                  <li key={c.id}>
                    <Link to={`/videoer/${c.id}`}>{c.title}</Link>{' '}
                    <span className="muted">
                      {c.start !== null && c.end !== null && `${clock(c.start)}–${clock(c.end)} · `}
                      {t(`visibility.short.${c.visibility}`)}
                      {c.status !== 'ready' && ` · ${t(`clips.status.${c.status}`)}`}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <CompareWith video={video} />
    </div>
  );
}
