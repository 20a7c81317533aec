import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FeedItem, unshareFromCommunity, useCommunityRefresh, useFeed } from '../../api/communities';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialogs';
import { formatTime } from '../../components/player/format';
import { QueryView } from '../../components/QueryView';
import { formatDateTime } from '../../i18n';
import { PostEntry } from './Posts';
import './communities.css';

function Source({ source }: { source: FeedItem['source'] }) {
  const { t } = useTranslation();
  return source.type === 'community' ? (
    <Link to={`/faellesskaber/${source.id}`}>{source.name}</Link>
  ) : (
    <span>{t('feed.team', { name: source.name })}</span>
  );
}

/** Removes a video shared into this community: whoever shared it, or a moderator. */
function RemoveShare({ communityId, item }: { communityId: string; item: FeedItem }) {
  const { t } = useTranslation();
  const refresh = useCommunityRefresh();
  if (!item.video) return null;
  const video = item.video;
  return (
    <ConfirmDialog
      triggerLabel={t('communities.unshare')}
      triggerContext={video.title}
      triggerVariant="secondary"
      title={t('communities.unshareTitle', { title: video.title })}
      confirmLabel={t('communities.unshareConfirm')}
      onConfirm={async () => {
        await unshareFromCommunity(communityId, video.id);
        await refresh();
      }}
    >
      <p>{t('communities.unshareText')}</p>
    </ConfirmDialog>
  );
}

/** One happening: a video shared (or published to a team), or a new comment on such a video. */
function FeedEntry({
  item,
  showSource,
  removable,
}: {
  item: FeedItem;
  showSource: boolean;
  removable?: string;
}) {
  const { t } = useTranslation();
  if (!item.video) return <PostEntry item={item} showSource={showSource} />;
  const video = item.video;
  const who =
    item.kind === 'video'
      ? (item.sharedBy?.name ?? t('feed.someone'))
      : (item.comment?.author?.name ?? t('feed.someone'));
  const what =
    item.kind === 'comment'
      ? t('feed.commented', { name: who })
      : item.source.type === 'team'
        ? t('feed.published', { name: who })
        : t('feed.shared', { name: who });
  return (
    <li className="feed-item">
      <div className="feed-thumb video-thumb">
        {video.posterUrl ? (
          <img src={video.posterUrl} alt="" loading="lazy" />
        ) : (
          <span className="video-thumb-empty" aria-hidden="true" />
        )}
        {video.durationSeconds ? (
          <span className="video-duration">
            <span className="sr-only">{t('videos.duration')} </span>
            {formatTime(video.durationSeconds)}
          </span>
        ) : null}
      </div>
      <div className="feed-body">
        <p className="feed-what">
          {what}
          {showSource && (
            <>
              {' '}
              {t('feed.in')} <Source source={item.source} />
            </>
          )}
        </p>
        <h3 className="feed-title">
          <Link to={`/videoer/${video.id}`}>{video.title}</Link>
        </h3>
        {item.comment && <p className="feed-excerpt">{item.comment.excerpt}</p>}
        <p className="feed-when muted">
          <time dateTime={item.at}>{formatDateTime(item.at)}</time>
        </p>
        {removable && item.kind === 'video' && <RemoveShare communityId={removable} item={item} />}
      </div>
    </li>
  );
}

/**
 * A feed, newest first, with "show more": a community's (communityId) or the person's own. In a community,
 * whoever shared a video (`meId`) or a moderator (`moderate`) can remove it from there.
 */
export function FeedList({
  communityId,
  headingId,
  empty,
  meId,
  moderate,
}: {
  communityId?: string;
  headingId: string;
  empty: string;
  meId?: string;
  moderate?: boolean;
}) {
  const { t } = useTranslation();
  const feed = useFeed(communityId);
  const items = (feed.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <QueryView query={feed} empty={feed.isSuccess && items.length === 0 && empty}>
      {() => (
        <>
          <ul className="feed-list" aria-labelledby={headingId}>
            {items.map((i) => (
              <FeedEntry
                key={i.id}
                item={i}
                showSource={!communityId}
                removable={
                  communityId && i.kind === 'video' && (moderate || (meId && i.sharedBy?.id === meId))
                    ? communityId
                    : undefined
                }
              />
            ))}
          </ul>
          {feed.hasNextPage && (
            <Button variant="secondary" busy={feed.isFetchingNextPage} onClick={() => feed.fetchNextPage()}>
              {t('feed.more')}
            </Button>
          )}
        </>
      )}
    </QueryView>
  );
}
