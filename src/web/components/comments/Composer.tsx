import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentionToken } from '../../../shared/comment-format';
import { errorMessage } from '../../api/client';
import { useMentionable } from '../../api/comments';
import { Button } from '../Button';
import { formatTime } from '../player/format';
import type { PlayerHandle } from '../player/Player';

type Props = {
  /** The discussion's place in the API (api/comments videoThread / postThread). */
  thread: string;
  /** Label of the text field ("Skriv en kommentar", "Dit svar", "Ret kommentaren"). */
  label: string;
  submitLabel: string;
  initialBody?: string;
  /** The player, for anchoring the comment at the current time (top-level comments only). */
  player?: RefObject<PlayerHandle | null>;
  initialAnchor?: number | null;
  maxLength: number;
  onSubmit: (body: string, anchorSeconds: number | null) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** Finds people to @mention: a search field and a list of buttons; choosing one inserts a mention token. */
function MentionPicker({
  thread,
  onPick,
  onClose,
}: {
  thread: string;
  onPick: (p: { id: string; name: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = useMentionable(thread, q.trim(), true);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const items = people.data?.items ?? [];
  return (
    <div className="mention-picker">
      <label htmlFor={`${id}-q`}>{t('comments.mention.search')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('comments.mention.hint')}
      </p>
      <input
        ref={input}
        id={`${id}-q`}
        type="search"
        value={q}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <p className="sr-only" role="status">
        {people.isSuccess ? t('comments.mention.count', { count: items.length }) : ''}
      </p>
      {people.isSuccess && items.length === 0 && <p className="muted">{t('comments.mention.none')}</p>}
      {items.length > 0 && (
        <ul className="mention-results">
          {items.map((p) => (
            <li key={p.id}>
              <Button variant="secondary" onClick={() => onPick(p)}>
                {p.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Button variant="link" onClick={onClose}>
        {t('comments.mention.close')}
      </Button>
    </div>
  );
}

/** The comment form: text with a label, an optional anchor at the player's current time, @mentions. */
export function Composer(p: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState(p.initialBody ?? '');
  const [anchorOn, setAnchorOn] = useState(p.initialAnchor !== undefined && p.initialAnchor !== null);
  const [anchor, setAnchor] = useState<number>(p.initialAnchor ?? 0);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const mentionButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (p.autoFocus) area.current?.focus();
  }, [p.autoFocus]);

  // While the anchor is off, it follows the player so the label always says the time it would use.
  useEffect(() => {
    if (!p.player || anchorOn) return;
    const tick = () => setAnchor(p.player?.current?.currentTime() ?? 0);
    tick();
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [p.player, anchorOn]);

  function insertMention(person: { id: string; name: string }) {
    const el = area.current;
    const token = `${mentionToken(person)} `;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + token + body.slice(end);
    setBody(next);
    setPicking(false);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const text = body.trim();
    if (!text) {
      setError(t('comments.errors.empty'));
      area.current?.focus();
      return;
    }
    if (text.length > p.maxLength) {
      setError(t('comments.errors.tooLong', { max: p.maxLength.toLocaleString('da-DK') }));
      area.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await p.onSubmit(text, p.player && anchorOn ? Math.floor(anchor) : (p.initialAnchor ?? null));
      setBody('');
      setAnchorOn(false);
    } catch (err) {
      setError(errorMessage(err));
      area.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  return (
    <form className="comment-form" noValidate onSubmit={submit}>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-body`}>{p.label}</label>
        <p id={`${id}-hint`} className="hint">
          {t('comments.formatHint')}
        </p>
        <textarea
          ref={area}
          id={`${id}-body`}
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${errorId}` : ''}`}
          required
        />
        {error && (
          <p id={errorId} className="field-error">
            <span className="sr-only">{t('common.errorPrefix')} </span>
            {error}
          </p>
        )}
      </div>
      {picking && (
        <MentionPicker
          thread={p.thread}
          onPick={insertMention}
          onClose={() => {
            setPicking(false);
            mentionButton.current?.focus();
          }}
        />
      )}
      <div className="comment-form-actions">
        {p.player && (
          <div className="checkbox">
            <input
              id={`${id}-anchor`}
              type="checkbox"
              checked={anchorOn}
              onChange={(e) => {
                if (e.target.checked) setAnchor(p.player?.current?.currentTime() ?? 0);
                setAnchorOn(e.target.checked);
              }}
            />
            <label htmlFor={`${id}-anchor`}>{t('comments.anchorAt', { time: formatTime(anchor) })}</label>
          </div>
        )}
        {!picking && (
          <button
            ref={mentionButton}
            type="button"
            className="btn btn-secondary"
            onClick={() => setPicking(true)}
          >
            {t('comments.mention.open')}
          </button>
        )}
        <Button type="submit" busy={busy}>
          {p.submitLabel}
        </Button>
        {p.onCancel && (
          <Button variant="secondary" onClick={p.onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
