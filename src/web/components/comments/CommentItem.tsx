import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView, useCommentActions } from '../../api/comments';
import { formatDateTime } from '../../i18n';
import { Button } from '../Button';
import { ConfirmDialog, FormDialog } from '../Dialogs';
import { TextAreaField } from '../Field';
import { formatTime } from '../player/format';
import type { PlayerHandle } from '../player/Player';
import { CommentBody } from './CommentBody';
import { Composer } from './Composer';

type Ctx = {
  thread: string;
  /** The video's player, for a comment's time (none on a community post). */
  player?: RefObject<PlayerHandle | null>;
  maxLength: number;
  actions: ReturnType<typeof useCommentActions>;
  announce: (message: string) => void;
};

/** Seeks the player to a comment's time and moves focus to the player, so the keyboard controls it next. */
function AnchorButton({ seconds, player }: { seconds: number; player: RefObject<PlayerHandle | null> }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="comment-anchor"
      onClick={() => {
        player.current?.seek(seconds);
        const el = player.current?.element()?.closest<HTMLElement>('.player');
        el?.focus();
        el?.scrollIntoView({ block: 'nearest' });
      }}
    >
      <span className="sr-only">{t('comments.seekTo')} </span>
      <span aria-hidden="true" className="comment-anchor-icon">
        ▶
      </span>
      {formatTime(seconds)}
    </button>
  );
}

/** One comment with its actions and, below it, its replies. */
export function CommentItem({ comment: c, ctx }: { comment: CommentView; ctx: Ctx }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'read' | 'reply' | 'edit'>('read');
  const { actions, announce } = ctx;
  const headingId = `kommentar-${c.id}-af`;
  const who = c.author?.name ?? t('comments.deletedAuthor');

  let content: React.ReactNode;
  if (c.state === 'deleted') content = <p className="comment-placeholder">{t('comments.deleted')}</p>;
  else if (c.state === 'hidden' && c.body === null)
    content = <p className="comment-placeholder">{t('comments.hidden')}</p>;
  else if (mode === 'edit')
    content = (
      <Composer
        thread={ctx.thread}
        label={t('comments.editLabel')}
        submitLabel={t('comments.save')}
        initialBody={c.body ?? ''}
        initialAnchor={c.anchorSeconds}
        maxLength={ctx.maxLength}
        autoFocus
        onCancel={() => setMode('read')}
        onSubmit={async (body) => {
          await actions.update.mutateAsync({ id: c.id, body });
          setMode('read');
          announce(t('comments.saved'));
        }}
      />
    );
  else
    content = (
      <>
        {c.state === 'hidden' && <p className="comment-moderated">{t('comments.hiddenForOthers')}</p>}
        <CommentBody body={c.body ?? ''} />
      </>
    );

  return (
    <li className="comment-item">
      <article
        id={`kommentar-${c.id}`}
        tabIndex={-1}
        className={`comment comment-${c.state}`}
        aria-labelledby={headingId}
      >
        <header className="comment-head">
          <span id={headingId} className="comment-author">
            {who}
          </span>
          <span className="comment-time muted">
            {formatDateTime(c.createdAt)}
            {c.editedAt && c.state !== 'deleted' && ` · ${t('comments.edited')}`}
          </span>
          {c.anchorSeconds !== null && c.state !== 'deleted' && ctx.player && (
            <AnchorButton seconds={c.anchorSeconds} player={ctx.player} />
          )}
        </header>
        {content}
        {mode === 'read' && c.state !== 'deleted' && (
          <div className="comment-actions">
            {c.canReply && (
              <Button variant="link" onClick={() => setMode('reply')}>
                {t('comments.reply')}
                <span className="sr-only"> {t('comments.toName', { name: who })}</span>
              </Button>
            )}
            {c.canEdit && (
              <Button variant="link" onClick={() => setMode('edit')}>
                {t('comments.edit')}
              </Button>
            )}
            {c.canDelete && (
              <ConfirmDialog
                triggerLabel={t('comments.delete')}
                triggerVariant="link"
                title={t('comments.deleteTitle')}
                confirmLabel={t('comments.delete')}
                onConfirm={async () => {
                  await actions.remove.mutateAsync(c.id);
                  announce(t('comments.deletedNotice'));
                }}
              >
                <p>{t('comments.deleteText')}</p>
              </ConfirmDialog>
            )}
            {c.canReport && (
              <FormDialog
                triggerLabel={t('comments.report')}
                triggerContext={t('comments.byName', { name: who })}
                triggerVariant="link"
                title={t('comments.reportTitle')}
                submitLabel={t('comments.reportSubmit')}
                fields={['reason'] as const}
                onSubmit={async (data) => {
                  await actions.report.mutateAsync({ id: c.id, reason: String(data.get('reason') ?? '') });
                  announce(t('comments.reported'));
                }}
              >
                {(errors) => (
                  <TextAreaField
                    name="reason"
                    label={t('comments.reportReason')}
                    hint={t('comments.reportHint')}
                    optional
                    maxLength={1000}
                    rows={3}
                    error={errors.reason}
                  />
                )}
              </FormDialog>
            )}
            {c.reportedByMe && <span className="muted comment-reported">{t('comments.reportedByMe')}</span>}
            {c.canHide && (
              <Button
                variant="link"
                busy={actions.setHidden.isPending && actions.setHidden.variables?.id === c.id}
                onClick={async () => {
                  const hidden = c.state !== 'hidden';
                  await actions.setHidden.mutateAsync({ id: c.id, hidden });
                  announce(t(hidden ? 'comments.hiddenNotice' : 'comments.unhiddenNotice'));
                }}
              >
                {t(c.state === 'hidden' ? 'comments.unhide' : 'comments.hide')}
              </Button>
            )}
            {c.openReports ? (
              <span className="badge badge-error">{t('comments.openReports', { count: c.openReports })}</span>
            ) : null}
          </div>
        )}
        {mode === 'reply' && (
          <Composer
            thread={ctx.thread}
            label={t('comments.replyLabel', { name: who })}
            submitLabel={t('comments.sendReply')}
            maxLength={ctx.maxLength}
            autoFocus
            onCancel={() => setMode('read')}
            onSubmit={async (body) => {
              await actions.create.mutateAsync({ body, parentId: c.id });
              setMode('read');
              announce(t('comments.sent'));
            }}
          />
        )}
      </article>
      {c.replies.length > 0 && (
        <ol className="comment-list comment-replies" aria-label={t('comments.repliesTo', { name: who })}>
          {c.replies.map((r) => (
            <CommentItem key={r.id} comment={r} ctx={ctx} />
          ))}
        </ol>
      )}
    </li>
  );
}
