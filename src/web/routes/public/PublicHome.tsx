import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useHome } from '../../api/search';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { Row, Section } from '../Home';
import { SearchBox, type Suggestion } from '../videos/SearchBox';
import '../public.css';

/**
 * The front page for someone not signed in (issue 15): what Amongi is, a way in, and the public catalogue —
 * search, the newest, the most watched and the editors' collections, public videos only (the server's
 * anonymous answer), so a shared link or a curious colleague meets the product rather than a login form.
 */
export function PublicHome() {
  const { t } = useTranslation();
  usePageTitle(t('publicHome.title'));
  const navigate = useNavigate();
  const home = useHome(true);
  const pick = (s: Suggestion) =>
    navigate(s.kind === 'video' ? `/videoer/${s.id}` : `/videoer?${s.kind}=${encodeURIComponent(s.id)}`);

  return (
    <div className="page">
      <div className="public-hero">
        <h1>{t('publicHome.heading')}</h1>
        <p className="lead">{t('publicHome.lead')}</p>
        <div className="public-actions">
          <Link to="/log-ind" className="btn btn-primary">
            {t('publicHome.signIn')}
          </Link>
          <p className="muted">{t('publicHome.invited')}</p>
        </div>
      </div>
      <section aria-labelledby="public-what">
        <h2 id="public-what">{t('publicHome.whatTitle')}</h2>
        <ul className="public-points">
          {(['see', 'talk', 'grow'] as const).map((k) => (
            <li key={k}>
              <h3>{t(`publicHome.${k}`)}</h3>
              <p>{t(`publicHome.${k}Text`)}</p>
            </li>
          ))}
        </ul>
        <p className="public-privacy muted">{t('publicHome.privacy')}</p>
      </section>
      <section aria-labelledby="public-catalogue" className="public-search">
        <h2 id="public-catalogue">{t('publicHome.catalogueTitle')}</h2>
        <SearchBox
          label={t('publicHome.searchLabel')}
          initial=""
          onSearch={(q) => navigate(q ? `/videoer?q=${encodeURIComponent(q)}` : '/videoer')}
          onPick={pick}
        />
      </section>
      <QueryView query={home}>
        {(h) => (
          <>
            <Section
              id="public-newest"
              title={t('publicHome.newest')}
              more={<Link to="/videoer?sort=newest">{t('publicHome.seeAll')}</Link>}
            >
              {h.newest.length ? (
                <Row items={h.newest} headingId="public-newest" />
              ) : (
                <p className="muted">{t('publicHome.none')}</p>
              )}
            </Section>
            {h.popularInMyCommunities.length > 0 && (
              <Section id="public-popular" title={t('publicHome.popular')}>
                <Row items={h.popularInMyCommunities} headingId="public-popular" />
              </Section>
            )}
            {h.collections.length > 0 && (
              <Section id="public-collections" title={t('publicHome.collections')}>
                {h.collections.map((c) => (
                  <section key={c.id} className="home-collection" aria-labelledby={`collection-${c.id}`}>
                    <h3 id={`collection-${c.id}`}>{c.title}</h3>
                    {c.description && <p className="muted">{c.description}</p>}
                    <Row items={c.videos} headingId={`collection-${c.id}`} level={4} />
                  </section>
                ))}
              </Section>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
