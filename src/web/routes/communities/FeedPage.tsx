import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { FeedList } from './FeedList';
import './communities.css';

/** /nyt: what is new in my communities and teams. */
export function FeedPage() {
  const { t } = useTranslation();
  usePageTitle(t('feed.title'));
  return (
    <div className="page page-narrow-feed">
      <div className="page-head">
        <div>
          <h1 id="feed-heading">{t('feed.title')}</h1>
          <p className="lead">{t('feed.intro')}</p>
        </div>
        <div className="page-actions">
          <Link to="/faellesskaber" className="btn btn-secondary">
            {t('communities.title')}
          </Link>
        </div>
      </div>
      <FeedList headingId="feed-heading" empty={t('feed.empty')} />
    </div>
  );
}
