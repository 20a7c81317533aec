import { type FormEvent, type RefObject, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { type Impact, MIN_GROUP_SIZE, type MySignal, useImpact, useSetSignal } from '../../api/reflection';
import { ErrorAlert, Loading, Notice, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import type { PlayerHandle } from '../../components/player/Player';
import { formatDateTime } from '../../i18n';
import { formatShare } from './format';
import { NoteEditor } from './NoteEditor';
import { useViewTracking } from './useViewTracking';
import './reflection.css';

/**
 * "12 har afprøvet den · 9 af dem siger, den virkede (75 %)". With fewer than MIN_GROUP_SIZE who tried it, only
 * that few have tried it: the split would tell each one's answer (the server sends none).
 */
function Figures({ impact }: { impact: Pick<Impact, 'tried' | 'worked' | 'workedShare'> }) {
  const { t } = useTranslation();
  if (impact.tried === 0) return <>{t('reflection.figures.none')}</>;
  if (impact.tried < MIN_GROUP_SIZE) return <>{t('reflection.figures.few', { min: MIN_GROUP_SIZE })}</>;
  // Just reached the minimum: the split comes with the server's answer.
  if (impact.worked === null)
    return <strong>{t('reflection.figures.tried', { count: impact.tried })}</strong>;
  return (
    <>
      <strong>{t('reflection.figures.tried', { count: impact.tried })}</strong>
      {' · '}
      {impact.worked > 0
        ? t('reflection.figures.worked', {
            count: impact.worked,
            share: formatShare(impact.workedShare ?? 0),
          })
        : t('reflection.figures.workedNone')}
    </>
  );
}

/** The own reflection: short text, private unless shared. */
function ReflectionForm({ videoId, mine }: { videoId: string; mine: MySignal }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSetSignal(videoId);
  const [text, setText] = useState(mine.reflection ?? '');
  const [shared, setShared] = useState(mine.reflectionShared);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    save.mutate(
      { tried: true, worked: mine.worked, reflection: text, reflectionShared: shared },
      {
        onSuccess: () =>
          setNotice(
            t(shared && text.trim() ? 'reflection.reflectionSavedShared' : 'reflection.reflectionSaved'),
          ),
      },
    );
  };
  return (
    <form className="reflection-form" onSubmit={submit} noValidate>
      <TextAreaField
        label={t('reflection.reflectionLabel')}
        hint={t('reflection.reflectionHint')}
        optional
        rows={3}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="checkbox">
        <input
          id={`${id}-share`}
          type="checkbox"
          checked={shared}
          aria-describedby={`${id}-share-hint`}
          onChange={(e) => setShared(e.target.checked)}
        />
        <label htmlFor={`${id}-share`}>{t('reflection.share')}</label>
      </div>
      <p id={`${id}-share-hint`} className="hint">
        {t('reflection.shareHint')}
      </p>
      <ErrorAlert message={save.isError ? errorMessage(save.error) : null} />
      <Notice message={notice} />
      <Button type="submit" variant="secondary" busy={save.isPending}>
        {t('reflection.saveReflection')}
      </Button>
    </form>
  );
}

/**
 * The video's reflection section (V6): impact figures, the own signals "Jeg har afprøvet det" / "Det virkede"
 * (saved at once, undone if the server refuses), an optional reflection, colleagues' shared reflections, and
 * the private note. Also counts the view for the statistics.
 */
export function ReflectionPanel({
  videoId,
  player,
  signals = true,
}: {
  videoId: string;
  player: RefObject<PlayerHandle | null>;
  /** False on one's own private video: nobody else can try it, so only the note is shown. */
  signals?: boolean;
}) {
  const { t } = useTranslation();
  const impact = useImpact(videoId);
  const signal = useSetSignal(videoId);
  useViewTracking(videoId, player);
  const headingId = `reflection-heading-${videoId}`;

  const first = impact.data?.pages[0];
  const mine = first?.mine ?? null;
  const shared = impact.data?.pages.flatMap((p) => p.sharedReflections) ?? [];

  return (
    <section className="reflection-panel card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reflection.heading')}</h2>
      {!signals ? (
        <p className="muted">{t('walkthrough.triedPrivate')}</p>
      ) : impact.isPending ? (
        <Loading />
      ) : impact.isError || !first ? (
        <RequestError error={impact.error} />
      ) : (
        <>
          <p className="impact-figures" aria-live="polite" aria-atomic="true">
            <Figures impact={first} />
          </p>
          <p className="muted">{t('reflection.intro')}</p>
          <fieldset className="signal-buttons">
            <legend className="sr-only">{t('reflection.yourAnswer')}</legend>
            <button
              type="button"
              className="btn btn-toggle"
              aria-pressed={!!mine}
              aria-describedby={mine?.reflection ? `${headingId}-untry-hint` : undefined}
              onClick={() =>
                signal.mutate(mine ? { tried: false, worked: false } : { tried: true, worked: false })
              }
            >
              <span className="toggle-mark" aria-hidden="true" />
              {t('reflection.tried')}
            </button>
            <button
              type="button"
              className="btn btn-toggle"
              aria-pressed={!!mine?.worked}
              aria-describedby={`${headingId}-worked-hint`}
              onClick={() => signal.mutate({ tried: true, worked: !mine?.worked })}
            >
              <span className="toggle-mark" aria-hidden="true" />
              {t('reflection.worked')}
            </button>
          </fieldset>
          <p id={`${headingId}-worked-hint`} className="hint">
            {t('reflection.workedHint')}
          </p>
          {mine?.reflection && (
            <p id={`${headingId}-untry-hint`} className="hint">
              {t('reflection.untryWarning')}
            </p>
          )}
          <ErrorAlert
            message={signal.isError ? `${t('reflection.saveFailed')} ${errorMessage(signal.error)}` : null}
          />
          {mine && <ReflectionForm videoId={videoId} mine={mine} />}

          <h3>{t('reflection.sharedHeading')}</h3>
          {shared.length === 0 ? (
            <p className="muted">{t('reflection.sharedNone')}</p>
          ) : (
            <ul className="shared-reflections">
              {shared.map((r) => (
                <li key={r.author.id}>
                  <p className="shared-text">{r.reflection}</p>
                  <p className="muted">
                    {t('reflection.sharedBy', { name: r.author.name, date: formatDateTime(r.at) })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {impact.hasNextPage && (
            <Button
              variant="secondary"
              busy={impact.isFetchingNextPage}
              onClick={() => void impact.fetchNextPage()}
            >
              {t('reflection.showMore')}
            </Button>
          )}
        </>
      )}
      <NoteEditor videoId={videoId} />
    </section>
  );
}
