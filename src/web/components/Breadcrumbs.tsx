import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Where this page sits: Organisation › Solsikkeskolen › Matematikteamet. The last item is the current page. */
export function Breadcrumbs({ items }: { items: { to?: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
      <ol>
        {items.map((item, i) => (
          <li key={item.to ?? item.label}>
            {item.to && i < items.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
