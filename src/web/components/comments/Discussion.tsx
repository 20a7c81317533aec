import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import {
  type CommentSort,
  postThread,
  useCommentActions,
  useComments,
  videoThread,
} from '../../api/comments';
import { Loading, RequestError } from '../Alert';
import { Button } from '../Button';
import type { PlayerHandle } from '../player/Player';
import { CommentItem } from './CommentItem';
import { Composer } from './Composer';
import './comments.css';

/**
 * The discussion under a video (V4): a composer that can anchor the comment at the player's current time, and
 * the threaded comments. Opened with #kommentar-<id> (from a notification) it scrolls to that comment. The same
 * discussion holds the replies to a community post (`postId`, issue 15), without times, oldest first.
 */
export function Discussion(
  props: { videoId: string; player: RefObject<PlayerHandle | null> } | { postId: string; player?: undefined },
) {
  const { t } = useTranslation();
  const onPost = 'postId' in props;
  const thread = onPost ? postThread(props.postId) : videoThread(props.videoId);
  const player = props.player;
  const [sort, setSort] = useState<CommentSort>(onPost ? 'oldest' : 'newest');
  const comments = useComments(thread, sort);
  const actions = useCommentActions(thread);
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
  const ctx = { thread, player, maxLength: first?.maxLength ?? 10_000, actions, announce };

  return (
    <section className="discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">
        {t(onPost ? 'comments.repliesTitle' : 'comments.title')}
        {first ? <span className="muted discussion-count"> ({first.total})</span> : null}
      </h2>
      <p role="status" className="sr-only">
        {status}
      </p>
      {comments.isPending && <Loading />}
      {comments.isError && <RequestError error={comments.error} />}
      {first?.canComment && (
        <Composer
          thread={thread}
          label={t(onPost ? 'comments.replyToPostLabel' : 'comments.newLabel')}
          submitLabel={t(onPost ? 'comments.replyToPost' : 'comments.send')}
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
            <p className="muted">{t(onPost ? 'comments.repliesEmpty' : 'comments.empty')}</p>
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
