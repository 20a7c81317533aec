import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title for a page: "Page – Amongi". */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} – ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
