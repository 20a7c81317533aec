import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { type CommunityFilter, useCommunities } from '../../api/communities';
import { Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { CommunityCard } from './CommunityCard';
import './communities.css';

function CommunityList({
  filter,
  headingId,
  empty,
}: {
  filter: CommunityFilter;
  headingId: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const query = useCommunities(filter);
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <QueryView query={query} empty={query.isSuccess && items.length === 0 && empty}>
      {() => (
        <>
          <ul className="community-list" aria-labelledby={headingId}>
            {items.map((c) => (
              <CommunityCard key={c.id} community={c} />
            ))}
          </ul>
          {query.hasNextPage && (
            <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
              {t('communities.showMore')}
            </Button>
          )}
        </>
      )}
    </QueryView>
  );
}

/** Invitations waiting for an answer; the section is left out when there are none. */
function Invitations() {
  const { t } = useTranslation();
  const query = useCommunities({ membership: 'invited' });
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  if (items.length === 0) return null;
  return (
    <section className="video-section">
      <h2 id="communities-invited">{t('communities.invitations')}</h2>
      <ul className="community-list" aria-labelledby="communities-invited">
        {items.map((c) => (
          <CommunityCard key={c.id} community={c} />
        ))}
      </ul>
    </section>
  );
}

/** /faellesskaber: my communities, invitations, and the others to discover and join. */
export function CommunitiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('communities.title'));
  const state = useLocation().state as { notice?: string } | null;
  const [q, setQ] = useState('');
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('communities.title')}</h1>
          <p className="lead">{t('communities.intro')}</p>
        </div>
        <div className="page-actions">
          <Link to="/faellesskaber/ny" className="btn btn-primary">
            {t('communities.create')}
          </Link>
          <Link to="/nyt" className="btn btn-secondary">
            {t('feed.title')}
          </Link>
        </div>
      </div>
      <Notice message={state?.notice} />
      <Invitations />
      <section className="video-section">
        <h2 id="communities-mine">{t('communities.mine')}</h2>
        <CommunityList
          filter={{ membership: 'joined' }}
          headingId="communities-mine"
          empty={t('communities.noneMine')}
        />
      </section>
      <section className="video-section">
        <h2 id="communities-others">{t('communities.discover')}</h2>
        <search className="search-box">
          <TextField
            label={t('communities.search')}
            type="search"
            name="q"
            optional
            value={q}
            onChange={(e) => setQ(e.target.value)}
            autoComplete="off"
          />
        </search>
        <CommunityList
          filter={{ membership: 'none', q: q.trim() || undefined }}
          headingId="communities-others"
          empty={q.trim() ? t('communities.noneFound') : t('communities.noneOthers')}
        />
      </section>
    </div>
  );
}
