import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { type CommentSort, useCommentActions, useComments } from '../../api/comments';
import { Loading, RequestError } from '../Alert';
import { Button } from '../Button';
import type { PlayerHandle } from '../player/Player';
import { CommentItem } from './CommentItem';
import { Composer } from './Composer';
import './comments.css';

/**
 * The discussion under a video (V4): a composer that can anchor the comment at the player's current time, and
 * the threaded comments. Opened with #kommentar-<id> (from a notification) it scrolls to that comment.
 */
export function Discussion({ videoId, player }: { videoId: string; player: RefObject<PlayerHandle | null> }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<CommentSort>('newest');
  const comments = useComments(videoId, sort);
  const actions = useCommentActions(videoId);
  const [status, setStatus] = useState('');
  const { hash } = useLocation();
  const scrolledTo = useRef<string | null>(null);

  const pages = comments.data?.pages ?? [];
  const first = pages[0];
  const items = pages.flatMap((p) => p.items);

  useEffect(() => {
    if (!hash.startsWith('#kommentar-') || scrolledTo.current === hash || !first) return;
    const el = document.getElementById(hash.slice(1));
    if (!el) return;
    scrolledTo.current = hash;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [hash, first]);

  const announce = (message: string) => {
    setStatus('');
    requestAnimationFrame(() => setStatus(message));
  };
  const ctx = { videoId, player, maxLength: first?.maxLength ?? 10_000, actions, announce };

  return (
    <section className="discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">
        {t('comments.title')}
        {first ? <span className="muted discussion-count"> ({first.total})</span> : null}
      </h2>
      <p role="status" className="sr-only">
        {status}
      </p>
      {comments.isPending && <Loading />}
      {comments.isError && <RequestError error={comments.error} />}
      {first?.canComment && (
        <Composer
          videoId={videoId}
          label={t('comments.newLabel')}
          submitLabel={t('comments.send')}
          player={player}
          maxLength={ctx.maxLength}
          onSubmit={async (body, anchorSeconds) => {
            await actions.create.mutateAsync({ body, anchorSeconds });
            announce(t('comments.sent'));
          }}
        />
      )}
      {first && (
        <>
          <div className="discussion-toolbar">
            <label htmlFor="discussion-sort">{t('comments.sort.label')}</label>
            <select
              id="discussion-sort"
              value={sort}
              onChange={(e) => setSort(e.target.value as CommentSort)}
            >
              <option value="newest">{t('comments.sort.newest')}</option>
              <option value="oldest">{t('comments.sort.oldest')}</option>
            </select>
          </div>
          {items.length === 0 ? (
            <p className="muted">{t('comments.empty')}</p>
          ) : (
            <ol className="comment-list" aria-label={t('comments.listLabel')}>
              {items.map((c) => (
                <CommentItem key={c.id} comment={c} ctx={ctx} />
              ))}
            </ol>
          )}
          {comments.hasNextPage && (
            <Button
              variant="secondary"
              busy={comments.isFetchingNextPage}
              onClick={() => comments.fetchNextPage()}
            >
              {t('comments.more')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
