import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/people';
import { dataSections } from '../components/dataSections';
import { usePageTitle } from '../components/usePageTitle';

/** /data — the data and development tools a person can use, each with what it is for. */
export function DataHub() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  usePageTitle(t('dataHub.title'));
  const sections = me ? dataSections(me) : [];
  return (
    <div className="page-narrow">
      <h1>{t('dataHub.title')}</h1>
      <p>{t('dataHub.intro')}</p>
      {sections.length ? (
        <ul className="data-hub">
          {sections.map((s) => (
            <li key={s.to}>
              <h2>
                <Link to={s.to}>{t(`${s.key}.nav`)}</Link>
              </h2>
              <p>{t(`dataHub.${s.key}`)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('dataHub.none')}</p>
      )}
    </div>
  );
}
