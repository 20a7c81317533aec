import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './catalogue.css';

/** Tabs between the editors' pages: review queue, taxonomy, collections, practice stories. */
export function EditorialNav() {
  const { t } = useTranslation();
  const links: [string, string][] = [
    ['/redaktion', t('editorial.queueNav')],
    ['/redaktion/emneord', t('taxonomy.title')],
    ['/redaktion/samlinger', t('collections.title')],
    ['/redaktion/fortaellinger', t('stories.review.nav')],
  ];
  return (
    <nav aria-label={t('editorial.navLabel')}>
      <ul className="editorial-tabs">
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
