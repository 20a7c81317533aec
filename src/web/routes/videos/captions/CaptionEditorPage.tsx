import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  addCueAfter,
  type Chapter,
  type Cue,
  mergeWithNext,
  shiftCues,
  sortChapters,
  splitCue,
  validateChapters,
  validateCues,
} from '../../../../shared/cues';
import { ApiError, errorMessage } from '../../../api/client';
import {
  captionKeys,
  fetchChapters,
  fetchCues,
  formatClock,
  parseClock,
  saveChapters,
  saveCues,
  transcribe,
  useChapters,
  useCues,
  useTranscription,
} from '../../../api/coaching-captions';
import { useVideo, type VideoView, videoKeys } from '../../../api/videos';
import { ErrorAlert, Loading, Notice, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { Player, type PlayerHandle } from '../../../components/player/Player';
import { usePageTitle } from '../../../components/usePageTitle';
import './captions.css';

/** A time field: shows "1:02.5", takes what is typed when it is a time (else says so), on leaving the field. */
function TimeInput({
  label,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  label: string;
  value: number;
  onChange: (seconds: number) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [text, setText] = useState(formatClock(value));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(formatClock(value)), [value]);
  return (
    <input
      className="cue-time"
      aria-label={label}
      aria-invalid={invalid || bad || undefined}
      aria-describedby={describedBy}
      inputMode="decimal"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        const s = parseClock(text);
        setBad(s === null);
        if (s !== null && s !== value) onChange(Math.round(s * 1000) / 1000);
      }}
    />
  );
}

const issueText = (t: (k: string) => string, issue: string | undefined, server: string | undefined) =>
  server ?? (issue ? t(`captionEditor.issue.${issue}`) : undefined);

/** The server's messages per row ("cues.3" → 3). */
function detailsByIndex(err: unknown, prefix: string): Map<number, string> {
  const out = new Map<number, string>();
  if (err instanceof ApiError)
    for (const d of err.details) {
      const m = new RegExp(`^${prefix}\\.(\\d+)$`).exec(d.path);
      if (m) out.set(Number(m[1]), d.message);
    }
  return out;
}

function CueEditor({
  video,
  language,
  player,
}: {
  video: VideoView;
  language: string;
  player: RefObject<PlayerHandle | null>;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const loaded = useCues(video.id, language);
  const transcription = useTranscription();
  const [cues, setCues] = useState<Cue[] | null>(null);
  const [version, setVersion] = useState(0);
  const [mine, setMine] = useState<Cue[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'auto' | null>(null);
  const [shift, setShift] = useState('1');
  const base = useId();

  useEffect(() => {
    if (loaded.data && cues === null) {
      setCues(loaded.data.cues);
      setVersion(loaded.data.version);
    }
  }, [loaded.data, cues]);

  if (loaded.isPending || cues === null) return <Loading />;
  if (loaded.isError) return <RequestError error={loaded.error} />;

  const issues = validateCues(cues, video.durationSeconds);
  const server = detailsByIndex(error, 'cues');
  const change = (next: Cue[]) => {
    setCues(next);
    setNotice(null);
  };
  const update = (i: number, patch: Partial<Cue>) =>
    change(cues.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const now = () => player.current?.currentTime() ?? 0;
  const play = (c: Cue) => {
    player.current?.seek(c.start);
    void player.current
      ?.element()
      ?.play()
      .catch(() => undefined);
  };

  async function save() {
    if (!cues || busy) return;
    setError(null);
    setNotice(null);
    const sorted = [...cues].sort((a, b) => a.start - b.start || a.end - b.end);
    setCues(sorted);
    setBusy('save');
    try {
      const saved = await saveCues(video.id, language, { version, cues: sorted });
      setCues(saved.cues);
      setVersion(saved.version);
      setMine(null);
      qc.setQueryData(captionKeys.cues(video.id, language), saved);
      await qc.invalidateQueries({ queryKey: videoKeys.one(video.id), exact: true });
      setNotice(t('captionEditor.saved'));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'caption.stale') {
        // Nothing is lost: theirs is loaded to work on, mine stays one click away.
        const theirs = await fetchCues(video.id, language);
        setMine(sorted);
        setCues(theirs.cues);
        setVersion(theirs.version);
      }
    } finally {
      setBusy(null);
    }
  }

  async function auto() {
    setError(null);
    setBusy('auto');
    try {
      const result = await transcribe(video.id, language, () => setNotice(t('captionEditor.autoRunning')));
      setMine(cues);
      change(result.cues);
      setNotice(t('captionEditor.autoDone'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('captionEditor.cuesTitle')}</h2>
      <p className="hint">{t('captionEditor.cuesIntro')}</p>
      <ErrorAlert message={error ? errorMessage(error) : null}>
        {mine && (
          <Button
            variant="secondary"
            onClick={() => {
              setCues(mine);
              setMine(null);
            }}
          >
            {t('captionEditor.restoreMine')}
          </Button>
        )}
      </ErrorAlert>
      <Notice message={notice} />
      <div className="cue-toolbar">
        <Button
          variant="secondary"
          onClick={() => change(addCueAfter(cues, cues.length - 1, video.durationSeconds))}
        >
          {t('captionEditor.add')}
        </Button>
        <label htmlFor={`${base}-shift`}>{t('captionEditor.shiftLabel')}</label>
        <input
          id={`${base}-shift`}
          className="cue-shift"
          inputMode="decimal"
          value={shift}
          onChange={(e) => setShift(e.target.value)}
        />
        <Button
          variant="secondary"
          onClick={() => change(shiftCues(cues, -(Number(shift.replace(',', '.')) || 0)))}
        >
          {t('captionEditor.shiftEarlier')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => change(shiftCues(cues, Number(shift.replace(',', '.')) || 0))}
        >
          {t('captionEditor.shiftLater')}
        </Button>
      </div>
      {cues.length === 0 ? (
        <p className="muted">{t('captionEditor.none')}</p>
      ) : (
        <ol className="cue-list">
          {cues.map((c, i) => {
            const message = issueText(t, issues.get(i), server.get(i));
            const msgId = `${base}-m${i}`;
            const n = i + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: cues have no ids; the row is its place in the list
              <li key={i} className={`cue-row${message ? ' cue-row-invalid' : ''}`}>
                <div className="cue-times">
                  <TimeInput
                    label={t('captionEditor.start', { n })}
                    value={c.start}
                    invalid={!!message}
                    describedBy={message ? msgId : undefined}
                    onChange={(start) => update(i, { start })}
                  />
                  <span aria-hidden="true">–</span>
                  <TimeInput
                    label={t('captionEditor.end', { n })}
                    value={c.end}
                    invalid={!!message}
                    describedBy={message ? msgId : undefined}
                    onChange={(end) => update(i, { end })}
                  />
                </div>
                <textarea
                  className="cue-text"
                  aria-label={t('captionEditor.text', { n })}
                  aria-invalid={!!message || undefined}
                  aria-describedby={message ? msgId : undefined}
                  rows={2}
                  maxLength={1000}
                  value={c.text}
                  onChange={(e) => update(i, { text: e.target.value })}
                />
                {message && (
                  <p id={msgId} className="field-error cue-message">
                    {message}
                  </p>
                )}
                <div className="cue-actions">
                  <Action label={t('captionEditor.play')} context={n} onClick={() => play(c)} />
                  <Action
                    label={t('captionEditor.split')}
                    context={n}
                    onClick={() => {
                      const next = splitCue(cues, i, now());
                      if (next) change(next);
                      else setNotice(t('captionEditor.splitOutside', { n }));
                    }}
                  />
                  {i < cues.length - 1 && (
                    <Action
                      label={t('captionEditor.merge')}
                      context={n}
                      onClick={() => change(mergeWithNext(cues, i) ?? cues)}
                    />
                  )}
                  <Action
                    label={t('captionEditor.addAfter')}
                    context={n}
                    onClick={() => change(addCueAfter(cues, i, video.durationSeconds))}
                  />
                  <Action
                    label={t('captionEditor.remove')}
                    context={n}
                    onClick={() => change(cues.filter((_, j) => j !== i))}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="cue-save">
        <Button onClick={save} busy={busy === 'save'}>
          {t('captionEditor.save')}
        </Button>
        <Button variant="secondary" onClick={auto} busy={busy === 'auto'}>
          {t('captionEditor.auto')}
        </Button>
      </div>
      {transcription.data && !transcription.data.available && (
        <p className="hint">{t('captionEditor.autoUnavailable')}</p>
      )}
    </section>
  );
}

/** A small button whose accessible name says which row it acts on ("Afspil undertekst 3"). */
function Action({ label, context, onClick }: { label: string; context: ReactNode; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-secondary btn-small" onClick={onClick}>
      {label}
      <span className="sr-only"> ({context})</span>
    </button>
  );
}

function ChapterEditor({ video, player }: { video: VideoView; player: RefObject<PlayerHandle | null> }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const loaded = useChapters(video.id);
  const [chapters, setChapters] = useState<Chapter[] | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();
  const lastTitle = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (loaded.data && chapters === null) {
      setChapters(loaded.data.chapters);
      setVersion(loaded.data.version);
    }
  }, [loaded.data, chapters]);
  if (loaded.isPending || chapters === null) return <Loading />;
  if (loaded.isError) return <RequestError error={loaded.error} />;

  const issues = validateChapters(chapters, video.durationSeconds);
  const server = detailsByIndex(error, 'chapters');
  const update = (i: number, patch: Partial<Chapter>) => {
    setChapters(chapters.map((c, j) => (j === i ? { ...c, ...patch } : c)));
    setNotice(null);
  };

  async function save() {
    if (!chapters || busy) return;
    setError(null);
    setNotice(null);
    const sorted = sortChapters(chapters);
    setChapters(sorted);
    setBusy(true);
    try {
      const saved = await saveChapters(video.id, { version, chapters: sorted });
      setChapters(saved.chapters);
      setVersion(saved.version);
      qc.setQueryData(captionKeys.chapters(video.id), saved);
      await qc.invalidateQueries({ queryKey: videoKeys.one(video.id), exact: true });
      setNotice(t('captionEditor.chaptersSaved'));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'chapters.stale') {
        const theirs = await fetchChapters(video.id);
        setChapters(theirs.chapters);
        setVersion(theirs.version);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('captionEditor.chaptersTitle')}</h2>
      <p className="hint">{t('captionEditor.chaptersIntro')}</p>
      <ErrorAlert message={error ? errorMessage(error) : null} />
      <Notice message={notice} />
      {chapters.length === 0 && <p className="muted">{t('captionEditor.noChapters')}</p>}
      <ol className="cue-list">
        {chapters.map((c, i) => {
          const issue = issues.get(i);
          const message = server.get(i) ?? (issue ? t(`captionEditor.chapterIssue.${issue}`) : undefined);
          const msgId = `${base}-m${i}`;
          const n = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: chapters have no ids; the row is its place in the list
            <li key={i} className={`cue-row chapter-row${message ? ' cue-row-invalid' : ''}`}>
              <TimeInput
                label={t('captionEditor.chapterStart', { n })}
                value={c.start}
                invalid={!!message}
                describedBy={message ? msgId : undefined}
                onChange={(start) => update(i, { start })}
              />
              <input
                ref={i === chapters.length - 1 ? lastTitle : undefined}
                className="chapter-title"
                aria-label={t('captionEditor.chapterTitle', { n })}
                aria-invalid={!!message || undefined}
                aria-describedby={message ? msgId : undefined}
                maxLength={200}
                value={c.title}
                onChange={(e) => update(i, { title: e.target.value })}
              />
              <Action
                label={t('captionEditor.remove')}
                context={t('captionEditor.chapterN', { n })}
                onClick={() => setChapters(chapters.filter((_, j) => j !== i))}
              />
              {message && (
                <p id={msgId} className="field-error cue-message">
                  {message}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <div className="cue-save">
        <Button
          variant="secondary"
          onClick={() => {
            const at = Math.round((player.current?.currentTime() ?? 0) * 10) / 10;
            setChapters(sortChapters([...chapters, { start: at, title: '' }]));
            setTimeout(() => {
              const inputs = document.querySelectorAll<HTMLInputElement>('.chapter-title');
              for (const input of inputs) if (!input.value) return input.focus();
            });
          }}
        >
          {t('captionEditor.chapterHere')}
        </Button>
        <Button onClick={save} busy={busy}>
          {t('captionEditor.saveChapters')}
        </Button>
      </div>
    </section>
  );
}

/** /videoer/:id/undertekster: the owner's (or a reviewing editor's) caption and chapter editors beside the player. */
export function CaptionEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const language = params.get('sprog') ?? 'da';
  const video = useVideo(id);
  const player = useRef<PlayerHandle>(null);
  usePageTitle(t('captionEditor.title'));
  if (video.isPending) return <Loading />;
  if (video.isError) return <RequestError error={video.error} />;
  const v = video.data;
  return (
    <div className="page caption-editor-page">
      <Breadcrumbs
        items={[
          { to: '/videoer', label: t('videos.title') },
          { to: `/videoer/${v.id}`, label: v.title },
          { label: t('captionEditor.title') },
        ]}
      />
      <h1 className="break">{t('captionEditor.title')}</h1>
      {!v.catalogue.canDescribe ? (
        <p className="alert alert-error">{t('captionEditor.notAllowed')}</p>
      ) : v.status !== 'ready' ? (
        <p className="muted">{t('captionEditor.notReady')}</p>
      ) : (
        <div className="caption-editor-grid">
          <div className="caption-editor-player">
            <Player handle={player} video={v} />
            <p>
              <Link to={`/videoer/${v.id}`}>{t('captionEditor.back')}</Link>
            </p>
          </div>
          <div>
            <CueEditor video={v} language={language} player={player} />
            <ChapterEditor video={v} player={player} />
          </div>
        </div>
      )}
    </div>
  );
}
