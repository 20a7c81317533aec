import { useTranslation } from 'react-i18next';
import { useChangeLocale } from '../api/auth';
import { Button } from './Button';

/** One button that switches to the other language; its label is in that language. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const change = useChangeLocale();
  const other = i18n.language === 'en' ? 'da' : 'en';
  return (
    <Button
      variant="secondary"
      className="lang-switch"
      lang={other}
      busy={change.isPending}
      onClick={() => change.mutate(other)}
    >
      {other === 'da' ? 'Dansk' : 'English'}
    </Button>
  );
}
