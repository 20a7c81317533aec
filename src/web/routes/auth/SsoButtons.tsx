import { useTranslation } from 'react-i18next';
import { startUrl, usePublicProviders } from '../../api/sso';
import './sso.css';

/**
 * One button per enabled sign-in service (issue 20 part 1), in Amongi's own look: a plain secondary button with
 * the service's name, never a copy of the service's own page or logo. Each goes to the server, which starts the
 * sign-in and sends the browser on to the service.
 */
export function SsoButtons({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const { data } = usePublicProviders();
  const items = data?.items ?? [];
  if (!items.length) return null;
  return (
    <section className="sso-choices" aria-labelledby="sso-choices-title">
      <h2 id="sso-choices-title" className="sso-or">
        {t('sso.login.or')}
      </h2>
      <ul className="sso-list">
        {items.map((p) => (
          <li key={p.id}>
            <a className="btn btn-secondary btn-block" href={startUrl(p.id, returnTo)}>
              {t('sso.login.with', { name: p.name })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
