import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useNote, useSaveNote } from '../../api/reflection';
import { Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { formatClock, formatNumber } from './format';

const MAX = 20_000;
const DEBOUNCE_MS = 1200;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

/**
 * The person's private note on the video, saved automatically a moment after they stop typing (and when they
 * leave the field or the page). Whether it was saved is announced; on failure the text stays and can be saved
 * again.
 */
function Editor({ videoId, initial }: { videoId: string; initial: string }) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSaveNote(videoId);
  const [text, setText] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saved = useRef(initial);
  const latest = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { mutateAsync } = save;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const body = latest.current;
    if (body === saved.current) return;
    setState({ kind: 'saving' });
    try {
      await mutateAsync(body);
      saved.current = body;
      setState(latest.current === body ? { kind: 'saved', at: new Date() } : { kind: 'saving' });
    } catch (err) {
      setState({ kind: 'failed', message: errorMessage(err) });
    }
  }, [mutateAsync]);

  // Leaving the page (or the video) with unsaved text: save it now.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  const onChange = (value: string) => {
    setText(value);
    latest.current = value;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  };

  return (
    <div className="field note-field">
      <label htmlFor={id}>{t('reflection.noteLabel')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('reflection.noteHint')}
      </p>
      <textarea
        id={id}
        rows={5}
        value={text}
        maxLength={MAX}
        aria-describedby={`note-private-${videoId} ${id}-hint ${id}-status`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => void flush()}
      />
      {text.length > MAX * 0.9 && (
        <p className="hint">
          {t('reflection.noteLength', { count: formatNumber(text.length), max: formatNumber(MAX) })}
        </p>
      )}
      <p id={`${id}-status`} role="status" className="note-status muted">
        {state.kind === 'saving'
          ? t('reflection.noteSaving')
          : state.kind === 'saved'
            ? t('reflection.noteSaved', { time: formatClock(state.at) })
            : ''}
      </p>
      <div role="alert" className={state.kind === 'failed' ? 'alert alert-error' : 'alert-empty'}>
        {state.kind === 'failed' && (
          <>
            <p>
              {t('reflection.noteFailed')} {state.message}
            </p>
            <Button variant="secondary" onClick={() => void flush()}>
              {t('reflection.noteRetry')}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}

export function NoteEditor({ videoId }: { videoId: string }) {
  const { t } = useTranslation();
  const note = useNote(videoId);
  return (
    <section className="note-editor" aria-labelledby={`note-heading-${videoId}`}>
      <h3 id={`note-heading-${videoId}`}>{t('reflection.noteHeading')}</h3>
      <p className="note-private" id={`note-private-${videoId}`}>
        <span className="lock-icon" aria-hidden="true" /> {t('reflection.notePrivate')}
      </p>
      {note.isPending ? (
        <Loading />
      ) : note.isError ? (
        <RequestError error={note.error} />
      ) : (
        <Editor videoId={videoId} initial={note.data.body} />
      )}
    </section>
  );
}
