import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { usePageTitle } from '../../components/usePageTitle';
import { PeopleList } from './PeopleList';

export function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('people.title'));
  return (
    <div className="page">
      <Breadcrumbs items={[{ to: '/organisation', label: t('org.title') }, { label: t('people.title') }]} />
      <div className="page-head">
        <h1 id="people-heading">{t('people.title')}</h1>
        <div className="page-actions">
          <Link className="btn btn-primary" to="/organisation/inviter">
            {t('org.invitePerson')}
          </Link>
        </div>
      </div>
      <div className="card">
        <PeopleList headingId="people-heading" />
      </div>
    </div>
  );
}
