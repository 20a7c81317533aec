import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommunityPostKind } from '../../../shared/catalogue';
import { TIME_ZONE } from '../../../shared/training';
import { type FeedItem, useUpcomingEvents } from '../../api/communities';
import { currentLocale, formatDateTime } from '../../i18n';

/** "onsdag den 10. marts 2027, kl. 09.00–15.30", always in Danish time (where the event happens). */
export function useEventWhen() {
  const { t } = useTranslation();
  return (startsAt: string, endsAt: string) => {
    const lang = currentLocale() === 'en' ? 'en-GB' : 'da-DK';
    const fmt = (iso: string, o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, ...o }).format(new Date(iso));
    const day = (iso: string) =>
      fmt(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const time = (iso: string) => fmt(iso, { hour: '2-digit', minute: '2-digit' });
    return day(startsAt) === day(endsAt)
      ? t('communities.posts.whenSameDay', { day: day(startsAt), start: time(startsAt), end: time(endsAt) })
      : t('communities.posts.whenDays', {
          start: `${day(startsAt)} ${time(startsAt)}`,
          end: `${day(endsAt)} ${time(endsAt)}`,
        });
  };
}

export function KindBadge({ kind }: { kind: CommunityPostKind }) {
  const { t } = useTranslation();
  return <span className={`badge post-kind post-kind-${kind}`}>{t(`communities.posts.kinds.${kind}`)}</span>;
}

/** A post or event in a feed: who, what kind, the first words, where it links, and the replies. */
export function PostEntry({ item, showSource }: { item: FeedItem; showSource: boolean }) {
  const { t } = useTranslation();
  const when = useEventWhen();
  const p = item.post;
  if (!p) return null;
  const who = p.author?.name ?? t('feed.someone');
  const to = `/faellesskaber/${item.source.id}/opslag/${p.id}`;
  return (
    <li className="feed-item feed-post">
      <div className="feed-body">
        <p className="feed-what">
          <KindBadge kind={p.kind} /> {t(`communities.posts.did.${p.kind}`, { name: who })}
          {showSource && (
            <>
              {' '}
              {t('feed.in')} <Link to={`/faellesskaber/${item.source.id}`}>{item.source.name}</Link>
            </>
          )}
        </p>
        <h3 className="feed-title">
          <Link to={to}>{p.event ? p.event.title : p.excerpt || p.fileName || p.url}</Link>
        </h3>
        {p.event && (
          <p className="post-event-when">
            {when(p.event.startsAt, p.event.endsAt)}
            {p.event.place ? ` · ${p.event.place}` : ''}
          </p>
        )}
        {p.event && p.excerpt && <p className="feed-excerpt">{p.excerpt}</p>}
        {p.fileName && p.excerpt && <p className="muted">{p.fileName}</p>}
        <p className="feed-when muted">
          <time dateTime={item.at}>{formatDateTime(item.at)}</time>
          {' · '}
          <Link
            to={to}
            aria-label={t('communities.posts.repliesLink', {
              count: p.replyCount,
              title: p.event?.title ?? p.excerpt,
            })}
          >
            {t('communities.posts.replies', { count: p.replyCount })}
          </Link>
        </p>
      </div>
    </li>
  );
}

/** The community's coming events, soonest first, each with its calendar file. */
export function UpcomingEvents({ communityId, className }: { communityId: string; className: string }) {
  const { t } = useTranslation();
  const when = useEventWhen();
  const events = useUpcomingEvents(communityId, true);
  const items = events.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className={`card upcoming-events ${className}`} aria-labelledby={`upcoming-events-${className}`}>
      <h2 id={`upcoming-events-${className}`}>{t('communities.posts.upcoming')}</h2>
      <ul>
        {items.map((p) =>
          p.event ? (
            <li key={p.id}>
              <Link to={`/faellesskaber/${communityId}/opslag/${p.id}`} className="upcoming-title">
                {p.event.title}
              </Link>
              <span className="muted">{when(p.event.startsAt, p.event.endsAt)}</span>
              {p.event.place && <span className="muted">{p.event.place}</span>}
              <a href={p.event.icsUrl} download>
                {t('communities.posts.ics')}
                <span className="sr-only"> {p.event.title}</span>
              </a>
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
