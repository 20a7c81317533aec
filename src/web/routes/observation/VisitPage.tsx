import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

/** /observation/besoeg/:id — being built (issue 6). */
export function VisitPage() {
  const { t } = useTranslation();
  usePageTitle(t('observation.nav'));
  return <h1>{t('observation.nav')}</h1>;
}
