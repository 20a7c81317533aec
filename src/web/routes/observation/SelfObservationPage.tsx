import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

/** /observation/egen — being built (issue 6). */
export function SelfObservationPage() {
  const { t } = useTranslation();
  usePageTitle(t('observation.nav'));
  return <h1>{t('observation.nav')}</h1>;
}
