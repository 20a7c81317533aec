import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { FEEDBACK_KINDS, type FeedbackKind } from '../../../../shared/coaching';
import {
  type FeedbackItem,
  type FocusArea,
  useFeedback,
  useFeedbackActions,
  useFocusAreas,
} from '../../../api/feedback';
import { ErrorAlert, Loading, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField } from '../../../components/Field';
import { formatTime } from '../../../components/player/format';
import type { PlayerHandle } from '../../../components/player/Player';
import { formatDateTime } from '../../../i18n';
import { useWords } from '../../../i18n/words';
import { FeedbackComposer, PromptSets } from './FeedbackComposer';
import { FeedbackMarks, KIND_LETTER } from './FeedbackMarks';
import './feedback.css';

type Video = { id: string; institutionId: string; durationSeconds: number | null; canFeedback: boolean };
type Player = RefObject<PlayerHandle | null>;
type Actions = ReturnType<typeof useFeedbackActions>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function KindBadge({ kind }: { kind: FeedbackKind }) {
  const { t } = useWords();
  return (
    <span className="feedback-kind-badge">
      <span className={`feedback-mark kind-${kind}`} aria-hidden="true">
        <span>{KIND_LETTER[kind]}</span>
      </span>
      {t(`feedback.kinds.${kind}`)}
    </span>
  );
}

/** Edit a text in place (the author's own comment or reply). */
function EditText({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  onSave: (s: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useWords();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(text);
      onCancel();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit}>
      <ErrorAlert message={error} />
      <TextAreaField
        label={t('feedback.editLabel')}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="feedback-actions">
        <Button type="submit" busy={busy}>
          {t('feedback.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('feedback.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Item({
  item,
  areas,
  isOwner,
  player,
  actions,
  announce,
}: {
  item: FeedbackItem;
  areas: FocusArea[];
  isOwner: boolean;
  player: Player;
  actions: Actions;
  announce: (s: string) => void;
}) {
  const { t } = useWords();
  const [editing, setEditing] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const area = item.focusAreaKey ? areas.find((a) => a.key === item.focusAreaKey) : undefined;
  const run = async (f: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await f();
      announce(done);
    } catch (err) {
      setError(message(err));
    }
  };
  const author = item.author?.name ?? t('feedback.formerStaff');
  return (
    <li
      id={`feedback-${item.id}`}
      className={`feedback-item${item.discussedAt ? ' is-discussed' : ''}`}
      tabIndex={-1}
    >
      <div className="feedback-item-head">
        <KindBadge kind={item.kind} />
        <Button
          variant="link"
          onClick={() => player.current?.seek(item.atSeconds)}
          aria-label={t('feedback.jump', { time: formatTime(item.atSeconds) })}
        >
          {formatTime(item.atSeconds)}
        </Button>
        {item.focusAreaKey && (
          <span className="badge">{area ? area.title : t('feedback.formerFocusArea')}</span>
        )}
        {item.discussedAt && <span className="badge">{t('feedback.discussed')}</span>}
      </div>
      <p className="muted">
        {author} · {formatDateTime(item.createdAt)}
        {item.editedAt ? ` · ${t('feedback.edited')}` : ''}
      </p>
      <ErrorAlert message={error} />
      {editing === item.id ? (
        <EditText
          initial={item.body}
          onSave={(body) => actions.update.mutateAsync({ id: item.id, body })}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p className="feedback-body">{item.body}</p>
      )}
      <div className="feedback-actions">
        {item.canReply && !replying && (
          <Button variant="secondary" onClick={() => setReplying(true)}>
            {t('feedback.reply')}
          </Button>
        )}
        {isOwner && (
          <Button
            variant="secondary"
            aria-pressed={!!item.discussedAt}
            onClick={() =>
              run(
                () => actions.discussed.mutateAsync({ id: item.id, discussed: !item.discussedAt }),
                t(item.discussedAt ? 'feedback.undiscussedDone' : 'feedback.discussedDone'),
              )
            }
          >
            {t(item.discussedAt ? 'feedback.undiscuss' : 'feedback.markDiscussed')}
          </Button>
        )}
        {item.canEdit && editing !== item.id && (
          <Button variant="secondary" onClick={() => setEditing(item.id)}>
            {t('feedback.edit')}
          </Button>
        )}
        {item.canDelete && (
          <Button
            variant="danger"
            onClick={() => {
              if (window.confirm(t('feedback.confirmDelete')))
                void run(() => actions.remove.mutateAsync(item.id), t('feedback.deleted'));
            }}
          >
            {t('feedback.delete')}
          </Button>
        )}
      </div>
      {(item.replies.length > 0 || replying) && (
        <ul className="feedback-replies" aria-label={t('feedback.repliesLabel')}>
          {item.replies.map((r) => (
            <li key={r.id}>
              <p className="muted">
                {r.author?.name ?? t('feedback.formerStaff')}
                {r.byOwner ? ` (${t('feedback.owner')})` : ''} · {formatDateTime(r.createdAt)}
                {r.editedAt ? ` · ${t('feedback.edited')}` : ''}
              </p>
              {editing === r.id ? (
                <EditText
                  initial={r.body}
                  onSave={(body) => actions.update.mutateAsync({ id: r.id, body })}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <p className="feedback-body">{r.body}</p>
              )}
              <div className="feedback-actions">
                {r.canEdit && editing !== r.id && (
                  <Button variant="link" onClick={() => setEditing(r.id)}>
                    {t('feedback.edit')}
                  </Button>
                )}
                {r.canDelete && (
                  <Button
                    variant="link"
                    onClick={() => {
                      if (window.confirm(t('feedback.confirmDeleteReply')))
                        void run(() => actions.remove.mutateAsync(r.id), t('feedback.deleted'));
                    }}
                  >
                    {t('feedback.delete')}
                  </Button>
                )}
              </div>
            </li>
          ))}
          {replying && (
            <li>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(async () => {
                    await actions.reply.mutateAsync({ id: item.id, body: reply });
                    setReply('');
                    setReplying(false);
                  }, t('feedback.replied'));
                }}
              >
                <TextAreaField
                  label={t('feedback.replyLabel')}
                  value={reply}
                  rows={3}
                  onChange={(e) => setReply(e.target.value)}
                />
                <div className="feedback-actions">
                  <Button type="submit" busy={actions.reply.isPending}>
                    {t('feedback.sendReply')}
                  </Button>
                  <Button variant="secondary" onClick={() => setReplying(false)}>
                    {t('feedback.cancel')}
                  </Button>
                </div>
              </form>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

/**
 * Typed feedback on the video page (issue 19 part B), for the owner and the people it is shared with: marks on
 * the timeline under the player, a composer at the player's current time, filters by kind and focus area, and
 * the comments with their replies, jump-to-time and "Markér som drøftet".
 */
export function FeedbackPanel({ video, player }: { video: Video; player: Player }) {
  const { t } = useWords(video.institutionId);
  const list = useFeedback(video.id, video.canFeedback);
  const areas = useFocusAreas(video.id, video.canFeedback);
  const actions = useFeedbackActions(video.id);
  const [kind, setKind] = useState<FeedbackKind | ''>('');
  const [areaKey, setAreaKey] = useState('');
  const [status, setStatus] = useState('');
  // Opened from a notification (#feedback-<id>): show that comment once the list is there.
  const { hash } = useLocation();
  const scrolledTo = useRef<string | null>(null);
  const loaded = !!list.data;
  useEffect(() => {
    if (!loaded || !hash.startsWith('#feedback-') || scrolledTo.current === hash) return;
    const el = document.getElementById(hash.slice(1));
    if (!el) return;
    scrolledTo.current = hash;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [hash, loaded]);
  if (!video.canFeedback) return null;
  const announce = (s: string) => {
    setStatus('');
    requestAnimationFrame(() => setStatus(s));
  };
  const focusAreas = areas.data?.items ?? [];
  const all = list.data?.items ?? [];
  const shown = all.filter((i) => (!kind || i.kind === kind) && (!areaKey || i.focusAreaKey === areaKey));
  const seek = (s: number) => player.current?.seek(s);
  return (
    <section className="feedback-panel" aria-labelledby="feedback-title">
      <h2 id="feedback-title">
        {t('feedback.title')}
        {list.data ? <span className="muted"> ({all.length})</span> : null}
      </h2>
      <p className="muted">{t(list.data?.isOwner ? 'feedback.introOwner' : 'feedback.introCoach')}</p>
      <p role="status" className="sr-only">
        {status}
      </p>
      {list.isPending && <Loading />}
      {list.isError && <RequestError error={list.error} />}
      {list.data && (
        <>
          <FeedbackMarks items={shown} durationSeconds={video.durationSeconds} onSeek={seek} />
          <FeedbackComposer
            videoId={video.id}
            institutionId={video.institutionId}
            player={player}
            areas={focusAreas}
            maxLength={list.data.maxLength}
            onCreated={() => announce(t('feedback.saved'))}
          />
          <PromptSets />
          <div className="feedback-filters">
            <SelectField
              label={t('feedback.filterKind')}
              optional
              value={kind}
              onChange={(e) => setKind(e.target.value as FeedbackKind | '')}
            >
              <option value="">{t('feedback.allKinds')}</option>
              {FEEDBACK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`feedback.kinds.${k}`)}
                </option>
              ))}
            </SelectField>
            {focusAreas.length > 0 && (
              <SelectField
                label={t('feedback.filterArea')}
                optional
                value={areaKey}
                onChange={(e) => setAreaKey(e.target.value)}
              >
                <option value="">{t('feedback.allAreas')}</option>
                {focusAreas.map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.title}
                  </option>
                ))}
              </SelectField>
            )}
          </div>
          <p className="muted" aria-live="polite">
            {t('feedback.showing', { count: shown.length, total: all.length })}
          </p>
          {shown.length === 0 ? (
            <p>{t(all.length === 0 ? 'feedback.empty' : 'feedback.noneMatch')}</p>
          ) : (
            <ol className="feedback-list" aria-label={t('feedback.listLabel')}>
              {shown.map((i) => (
                <Item
                  key={i.id}
                  item={i}
                  areas={focusAreas}
                  isOwner={list.data.isOwner}
                  player={player}
                  actions={actions}
                  announce={announce}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
