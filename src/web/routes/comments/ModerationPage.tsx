import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { type ReportQueueItem, useModerationActions, useReportQueue } from '../../api/comments';
import { Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CommentBody } from '../../components/comments/CommentBody';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import '../../components/comments/comments.css';

function ReportItem({ item }: { item: ReportQueueItem }) {
  const { t } = useTranslation();
  const { setHidden, resolve } = useModerationActions();
  const c = item.comment;
  const headingId = `report-${c.id}`;
  return (
    <li className="report-item">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>
          {item.post ? (
            <Link to={`/faellesskaber/${item.post.communityId}/opslag/${item.post.id}#kommentar-${c.id}`}>
              {t('moderation.replyIn', { name: item.post.communityName })}
            </Link>
          ) : (
            item.video && (
              <Link to={`/videoer/${item.video.id}#kommentar-${c.id}`}>
                {t('moderation.commentOn', { title: item.video.title })}
              </Link>
            )
          )}
        </h2>
        <p className="muted">
          {c.authorName ?? t('comments.deletedAuthor')} · {formatDateTime(c.createdAt)}
          {c.state === 'hidden' && (
            <>
              {' · '}
              <span className="badge">{t('moderation.isHidden')}</span>
            </>
          )}
        </p>
        {c.body !== null ? (
          <CommentBody body={c.body} />
        ) : (
          <p className="comment-placeholder">{t('comments.deleted')}</p>
        )}
        <h3>{t('moderation.reports', { count: item.reports.length })}</h3>
        <ul className="report-reasons">
          {item.reports.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: reports are anonymous; their order is their identity
            <li key={i}>
              {r.reason || <span className="muted">{t('moderation.noReason')}</span>}{' '}
              <span className="muted">({formatDateTime(r.createdAt)})</span>
            </li>
          ))}
        </ul>
        <div className="page-toolbar">
          {c.state !== 'deleted' && (
            <Button
              variant={c.state === 'hidden' ? 'secondary' : 'danger'}
              busy={setHidden.isPending}
              onClick={() => setHidden.mutate({ id: c.id, hidden: c.state !== 'hidden' })}
            >
              {t(c.state === 'hidden' ? 'comments.unhide' : 'moderation.hide')}
            </Button>
          )}
          <Button variant="secondary" busy={resolve.isPending} onClick={() => resolve.mutate(c.id)}>
            {t('moderation.resolve')}
          </Button>
        </div>
      </article>
    </li>
  );
}

/** /moderation: reported comments on videos and community posts I moderate (community moderators, editors, administrators). */
export function ModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.title'));
  const queue = useReportQueue();
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const forbidden = queue.error instanceof ApiError && queue.error.status === 403;
  return (
    <div className="page page-form">
      <h1>{t('moderation.title')}</h1>
      <p className="lead">{t('moderation.intro')}</p>
      {queue.isPending && <Loading />}
      {forbidden ? (
        <p className="alert alert-info">{t('moderation.notModerator')}</p>
      ) : (
        queue.isError && <RequestError error={queue.error} />
      )}
      {queue.isSuccess &&
        (items.length === 0 ? (
          <p>{t('moderation.empty')}</p>
        ) : (
          <ul className="report-list">
            {items.map((item) => (
              <ReportItem key={item.comment.id} item={item} />
            ))}
          </ul>
        ))}
      {queue.hasNextPage && (
        <Button variant="secondary" busy={queue.isFetchingNextPage} onClick={() => queue.fetchNextPage()}>
          {t('moderation.more')}
        </Button>
      )}
    </div>
  );
}
