import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FeedItem, useFeed } from '../../api/communities';
import { Button } from '../../components/Button';
import { formatTime } from '../../components/player/format';
import { QueryView } from '../../components/QueryView';
import { formatDateTime } from '../../i18n';
import './communities.css';

function Source({ source }: { source: FeedItem['source'] }) {
  const { t } = useTranslation();
  return source.type === 'community' ? (
    <Link to={`/faellesskaber/${source.id}`}>{source.name}</Link>
  ) : (
    <span>{t('feed.team', { name: source.name })}</span>
  );
}

/** One happening: a video shared (or published to a team), or a new comment on such a video. */
function FeedEntry({ item, showSource }: { item: FeedItem; showSource: boolean }) {
  const { t } = useTranslation();
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
        {item.video.posterUrl ? (
          <img src={item.video.posterUrl} alt="" loading="lazy" />
        ) : (
          <span className="video-thumb-empty" aria-hidden="true" />
        )}
        {item.video.durationSeconds ? (
          <span className="video-duration">
            <span className="sr-only">{t('videos.duration')} </span>
            {formatTime(item.video.durationSeconds)}
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
          <Link to={`/videoer/${item.video.id}`}>{item.video.title}</Link>
        </h3>
        {item.comment && <p className="feed-excerpt">{item.comment.excerpt}</p>}
        <p className="feed-when muted">
          <time dateTime={item.at}>{formatDateTime(item.at)}</time>
        </p>
      </div>
    </li>
  );
}

/** A feed, newest first, with "show more": a community's (communityId) or the person's own. */
export function FeedList({
  communityId,
  headingId,
  empty,
}: {
  communityId?: string;
  headingId: string;
  empty: string;
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
              <FeedEntry key={i.id} item={i} showSource={!communityId} />
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
