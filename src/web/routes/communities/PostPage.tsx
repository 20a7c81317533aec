import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { safeHref } from '../../../shared/comment-format';
import { ApiError } from '../../api/client';
import { deletePost, useCommunity, useCommunityPost, useCommunityRefresh } from '../../api/communities';
import { Loading, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { CommentBody } from '../../components/comments/CommentBody';
import { Discussion } from '../../components/comments/Discussion';
import { ConfirmDialog } from '../../components/Dialogs';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import { KindBadge, useEventWhen } from './Posts';
import './communities.css';

/** 1,2 MB / 850 kB in Danish number format. */
function fileSize(bytes: number, locale: string) {
  const fmt = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  return bytes >= 1024 * 1024 ? `${fmt(bytes / 1024 / 1024)} MB` : `${fmt(Math.max(1, bytes / 1024))} kB`;
}

/** /faellesskaber/:id/opslag/:postId: one post or event, in full, and its replies (the discussion). */
export function PostPage() {
  const { t, i18n } = useTranslation();
  const { id, postId } = useParams();
  const navigate = useNavigate();
  const refresh = useCommunityRefresh();
  const community = useCommunity(id);
  const post = useCommunityPost(postId);
  const when = useEventWhen();
  const p = post.data;
  const title =
    p?.event?.title ??
    (p
      ? t(`communities.posts.headings.${p.kind}`, { name: p.author?.name ?? t('feed.someone') })
      : t('communities.posts.title'));
  usePageTitle(title);

  if (post.isPending) return <Loading />;
  if (post.isError || !p) {
    const gone = post.error instanceof ApiError && (post.error.status === 404 || post.error.status === 403);
    return (
      <div className="page-narrow">
        <h1>{t('communities.posts.notFoundTitle')}</h1>
        {gone ? <p>{t('communities.posts.notFound')}</p> : <RequestError error={post.error} />}
        <p>
          <Link to={id ? `/faellesskaber/${id}` : '/faellesskaber'}>{t('communities.back')}</Link>
        </p>
      </div>
    );
  }
  const link = p.url ? safeHref(p.url) : null;
  const backTo = `/faellesskaber/${p.communityId}`;
  return (
    <div className="page page-narrow post-page">
      <Breadcrumbs
        items={[
          { to: '/faellesskaber', label: t('communities.title') },
          { to: backTo, label: community.data?.name ?? t('communities.title') },
          { label: title },
        ]}
      />
      <article className="card post-full" aria-labelledby="post-title">
        <p className="post-meta">
          <KindBadge kind={p.kind} />{' '}
          <span>
            {p.event && `${t('communities.posts.by', { name: p.author?.name ?? t('feed.someone') })} · `}
            <time dateTime={p.createdAt}>{formatDateTime(p.createdAt)}</time>
          </span>
        </p>
        <h1 id="post-title" className="break">
          {title}
        </h1>
        {p.event && (
          <dl className="event-facts">
            <dt>{t('communities.posts.when')}</dt>
            <dd>{when(p.event.startsAt, p.event.endsAt)}</dd>
            {p.event.place && (
              <>
                <dt>{t('communities.posts.place')}</dt>
                <dd className="break">{p.event.place}</dd>
              </>
            )}
            {p.event.onlineUrl && safeHref(p.event.onlineUrl) && (
              <>
                <dt>{t('communities.posts.onlineUrl')}</dt>
                <dd className="break">
                  <a
                    href={safeHref(p.event.onlineUrl) ?? undefined}
                    rel="noopener noreferrer nofollow"
                    target="_blank"
                  >
                    {p.event.onlineUrl}
                  </a>
                </dd>
              </>
            )}
          </dl>
        )}
        {p.body && <CommentBody body={p.body} />}
        {link && (
          <p className="post-link break">
            <a href={link} rel="noopener noreferrer nofollow ugc" target="_blank">
              {p.url}
            </a>
          </p>
        )}
        {p.file && (
          <p className="post-file">
            <a href={p.file.downloadUrl} download={p.file.name}>
              {t('communities.posts.download', { name: p.file.name })}
            </a>{' '}
            <span className="muted">
              ({fileSize(p.file.size, i18n.language === 'en' ? 'en-GB' : 'da-DK')})
            </span>
          </p>
        )}
        <div className="page-actions">
          {p.event && (
            <a className="btn btn-secondary" href={p.event.icsUrl} download>
              {t('communities.posts.ics')}
            </a>
          )}
          {p.can.delete && (
            <ConfirmDialog
              triggerLabel={t('communities.posts.delete')}
              title={t('communities.posts.deleteTitle')}
              confirmLabel={t('communities.posts.deleteConfirm')}
              onConfirm={async () => {
                await deletePost(p.id);
                await refresh();
                navigate(backTo, { state: { notice: t('communities.posts.deleted') } });
              }}
            >
              <p>{t('communities.posts.deleteText')}</p>
            </ConfirmDialog>
          )}
        </div>
      </article>
      <Discussion postId={p.id} />
    </div>
  );
}
