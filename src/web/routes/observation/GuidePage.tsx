import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle';

/** /observation/guide/:institutionId — being built (issue 6). */
export function GuidePage() {
  const { t } = useTranslation();
  usePageTitle(t('observation.nav'));
  return <h1>{t('observation.nav')}</h1>;
}
