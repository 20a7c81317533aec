import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Notification,
  notificationLink,
  useNotificationActions,
  useNotifications,
} from '../../api/notifications';
import { Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import { useNotificationText } from './notificationText';
import '../../components/comments/comments.css';

function NotificationItem({ n }: { n: Notification }) {
  const { t } = useTranslation();
  const text = useNotificationText()(n);
  const { markRead } = useNotificationActions();
  const to = notificationLink(n);
  const unread = !n.readAt;
  return (
    <li className={`notification-item${unread ? ' is-unread' : ''}`}>
      <div className="notification-text">
        <p>
          {unread && <span className="sr-only">{t('notifications.unread')}: </span>}
          {to ? (
            <Link to={to} onClick={() => unread && markRead.mutate(n.id)}>
              {text}
            </Link>
          ) : (
            text
          )}
        </p>
        {typeof n.payload.excerpt === 'string' && n.payload.excerpt && (
          <p className="muted">»{n.payload.excerpt}«</p>
        )}
        <p className="muted">
          <small>{formatDateTime(n.createdAt)}</small>
        </p>
      </div>
      {unread && (
        <Button variant="secondary" busy={markRead.isPending} onClick={() => markRead.mutate(n.id)}>
          {t('notifications.markRead')}
          <span className="sr-only">: {text}</span>
        </Button>
      )}
    </li>
  );
}

/** /notifikationer: my notifications, newest first, with links to what they are about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const list = useNotifications();
  const { markAllRead } = useNotificationActions();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  return (
    <div className="page page-form">
      <h1>{t('notifications.title')}</h1>
      <p className="lead">{t('notifications.intro')}</p>
      <p>
        <Link to="/notifikationer/indstillinger">{t('notifications.settingsLink')}</Link>
      </p>
      {list.isPending && <Loading />}
      {list.isError && <RequestError error={list.error} />}
      {list.isSuccess && (
        <>
          <div className="page-toolbar">
            <p className="muted" role="status">
              {t('notifications.unreadCount', { count: unread })}
            </p>
            {unread > 0 && (
              <Button variant="secondary" busy={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
                {t('notifications.markAllRead')}
              </Button>
            )}
          </div>
          {items.length === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <ul className="notification-list">
              {items.map((n) => (
                <NotificationItem key={n.id} n={n} />
              ))}
            </ul>
          )}
          {list.hasNextPage && (
            <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {t('notifications.more')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
