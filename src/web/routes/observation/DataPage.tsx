import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

/** /observation/data — being built (issue 6). */
export function DataPage() {
  const { t } = useTranslation();
  usePageTitle(t('observation.nav'));
  return <h1>{t('observation.nav')}</h1>;
}
