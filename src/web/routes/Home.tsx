import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useInterests, useMe } from '../api/people';
import { useHome, type VideoSummary } from '../api/search';
import { Notice } from '../components/Alert';
import { QueryView } from '../components/QueryView';
import { usePageTitle } from '../components/usePageTitle';
import { SurveyTrendCards } from './survey/results/TrendCard';
import { SearchBox, type Suggestion } from './videos/SearchBox';
import { VideoCard } from './videos/VideoCard';
import './public.css';

export function Row({
  items,
  headingId,
  level = 3,
}: {
  items: VideoSummary[];
  headingId: string;
  level?: 3 | 4;
}) {
  return (
    <ul className="video-grid" aria-labelledby={headingId}>
      {items.map((v) => (
        <VideoCard key={v.id} video={v} headingLevel={level} />
      ))}
    </ul>
  );
}

export function Section({
  id,
  title,
  more,
  intro,
  children,
}: {
  id: string;
  title: string;
  more?: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="home-section" aria-labelledby={id}>
      <div className="home-section-head">
        <h2 id={id}>{title}</h2>
        {more}
        {intro && <p className="muted">{intro}</p>}
      </div>
      {children}
    </section>
  );
}

/** The home page: "what should I watch?" — search, the newest, what is popular, the editors' collections. */
export function Home() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const home = useHome();
  const interests = useInterests(!!home.data?.personal);
  const state = useLocation().state as { notice?: string } | null;
  const pick = (s: Suggestion) =>
    navigate(s.kind === 'video' ? `/videoer/${s.id}` : `/videoer?${s.kind}=${encodeURIComponent(s.id)}`);

  return (
    <div className="page">
      <div className="home-hero">
        <h1>{t('home.heading')}</h1>
        <p className="lead">{me ? t('home.welcome', { name: me.name }) : t('home.intro')}</p>
        <Notice message={state?.notice} />
        <SearchBox
          label={t('home.searchLabel')}
          initial=""
          onSearch={(q) => navigate(q ? `/videoer?q=${encodeURIComponent(q)}` : '/videoer')}
          onPick={pick}
        />
        {home.data?.personal && (
          <p className="home-personal">
            <span>{interests.data?.suggested ? t('home.personalSuggested') : t('home.personal')}</span>
            <Link to="/profil">{t('home.editInterests')}</Link>
            <Link to="/videoer">{t('home.seeEverything')}</Link>
          </p>
        )}
        {/* Team members (issue 16): the way to the team's cycles and one's own tasks. */}
        {me && me.teams.length > 0 && (
          <p className="home-personal">
            <span>{t('inquiry.homeText')}</span>
            <Link to={me.teams.length === 1 ? `/team/${me.teams[0].id}` : '/team'}>
              {t('inquiry.homeLink')}
            </Link>
            <Link to="/opgaver">{t('inquiry.homeTasks')}</Link>
          </p>
        )}
      </div>
      {/* A leader's institution in the staff survey (issue 18): shown once a round has figures. */}
      <SurveyTrendCards />
      <QueryView query={home}>
        {(h) => (
          <>
            <Section
              id="home-newest"
              title={t('home.newest')}
              more={<Link to="/videoer?sort=newest">{t('home.seeAll')}</Link>}
            >
              {h.newest.length ? (
                <Row items={h.newest} headingId="home-newest" />
              ) : (
                <p className="muted">{h.personal ? t('home.noneForYou') : t('home.noVideos')}</p>
              )}
            </Section>
            {h.popularInMyCommunities.length > 0 && (
              <Section
                id="home-popular"
                title={
                  h.popularSource === 'communities' ? t('home.popularCommunities') : t('home.popularEveryone')
                }
                more={<Link to="/videoer?sort=tried">{t('home.seeMostTried')}</Link>}
                intro={
                  h.popularSource === 'communities' ? (
                    t('home.popularCommunitiesIntro')
                  ) : h.memberOfCommunities ? (
                    t('home.popularNothingInCommunities')
                  ) : (
                    <>
                      {t('home.popularNoCommunities')}{' '}
                      <Link to="/faellesskaber">{t('home.findCommunities')}</Link>
                    </>
                  )
                }
              >
                <Row items={h.popularInMyCommunities} headingId="home-popular" />
              </Section>
            )}
            {h.collections.length > 0 && (
              <Section id="home-collections" title={t('home.collections')} intro={t('home.collectionsIntro')}>
                {h.collections.map((c) => (
                  <section key={c.id} className="home-collection" aria-labelledby={`collection-${c.id}`}>
                    <h3 id={`collection-${c.id}`}>{c.title}</h3>
                    {c.description && <p className="muted">{c.description}</p>}
                    <Row items={c.videos} headingId={`collection-${c.id}`} level={4} />
                  </section>
                ))}
              </Section>
            )}
            {h.tried.length > 0 && (
              <Section id="home-tried" title={t('home.tried')}>
                <Row items={h.tried} headingId="home-tried" />
              </Section>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
