import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { AGE_BANDS, PILLARS, SEARCH_SORTS, type SearchSort } from '../../../shared/catalogue';
import { FACETS, type SearchParams, useSearch } from '../../api/search';
import { Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { StoriesBesideVideos } from '../stories/StoryCard';
import { MethodTrainingAsk } from '../training/demand/TrainingAsk';
import { SharedWithMe } from './grants/SharedWithMe';
import { SearchBox } from './SearchBox';
import { SearchFilters } from './SearchFilters';
import { chosenFacets, useSearchUrl } from './useSearchUrl';
import { VideoCard } from './VideoCard';

/** The search as the URL holds it (shareable): ?q=&subject=&ageBand=&method=&pillar=&sort= */
export function readParams(url: URLSearchParams): SearchParams {
  const sort = url.get('sort') ?? '';
  // A hand-edited link with an unknown value searches without it rather than failing.
  const pick = (name: string, ok: (v: string) => boolean) => [...new Set(url.getAll(name).filter(ok))];
  const isId = (v: string) => UUID.test(v);
  return {
    q: url.get('q') ?? '',
    sort: (SEARCH_SORTS as readonly string[]).includes(sort) ? (sort as SearchSort) : '',
    subject: pick('subject', isId),
    ageBand: pick('ageBand', (v) => (AGE_BANDS as readonly string[]).includes(v)),
    method: pick('method', isId),
    pillar: pick('pillar', (v) => (PILLARS as readonly string[]).includes(v)),
  };
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function MyVideos() {
  const { t } = useTranslation();
  const query = useSearch({
    q: '',
    sort: 'newest',
    mine: true,
    subject: [],
    ageBand: [],
    method: [],
    pillar: [],
  });
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <section className="video-section" aria-labelledby="videos-mine">
      <h2 id="videos-mine">{t('videos.mine')}</h2>
      <QueryView query={query} empty={query.isSuccess && items.length === 0 && t('videos.noneMine')}>
        {() => (
          <>
            <ul className="video-grid" aria-labelledby="videos-mine">
              {items.map((v) => (
                <VideoCard key={v.id} video={v} showStatus />
              ))}
            </ul>
            {query.hasNextPage && (
              <Button
                variant="secondary"
                busy={query.isFetchingNextPage}
                onClick={() => query.fetchNextPage()}
              >
                {t('videos.showMore')}
              </Button>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function Search({ publicView = false }: { publicView?: boolean }) {
  const { t } = useTranslation();
  const { url, update, toggle, clear, setQuery, pick } = useSearchUrl();
  const params = useMemo(() => readParams(url), [url]);
  const query = useSearch(params);
  const first = query.data?.pages[0];
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  const chosen = chosenFacets(params);
  const resultsLabel = params.q
    ? t('search.results.forQuery', { count: first?.total ?? 0, q: params.q })
    : t('search.results.count', { count: first?.total ?? 0 });

  return (
    <>
      <div className="search-bar">
        <SearchBox label={t('search.label')} initial={params.q} onSearch={setQuery} onPick={pick} />
        <div className="search-sort">
          <label htmlFor="search-sort">{t('search.sort.label')}</label>
          <select
            id="search-sort"
            value={params.sort || (params.q ? 'relevance' : 'newest')}
            onChange={(e) => update((next) => next.set('sort', e.target.value))}
          >
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={s} disabled={s === 'relevance' && !params.q}>
                {t(`search.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* Filtered to exactly one method: ask for training in it right here. */}
      {!publicView && params.method.length === 1 && <MethodTrainingAsk methodId={params.method[0]} />}
      <div className="search-layout">
        <SearchFilters facets={first?.facets} chosen={chosen} onToggle={toggle} onClear={clear} />
        <section aria-labelledby="search-results" aria-busy={query.isPlaceholderData || undefined}>
          <div className="search-summary">
            <h2 id="search-results" className="sr-only">
              {t('search.results.heading')}
            </h2>
            <p role="status">{first ? resultsLabel : ''}</p>
          </div>
          {/* A query or a filter (a method's view too) also finds the practice stories that match (public ones
              for someone not signed in: the server decides). */}
          {(params.q || FACETS.some((f) => params[f].length > 0)) && <StoriesBesideVideos params={params} />}
          <QueryView query={query} empty={query.isSuccess && items.length === 0 && t('search.results.none')}>
            {() => (
              <>
                <ul className="video-grid" aria-labelledby="search-results">
                  {items.map((v) => (
                    <VideoCard key={v.id} video={v} />
                  ))}
                </ul>
                {query.hasNextPage && (
                  <Button
                    variant="secondary"
                    className="search-more"
                    busy={query.isFetchingNextPage}
                    onClick={() => query.fetchNextPage()}
                  >
                    {t('search.more')}
                  </Button>
                )}
              </>
            )}
          </QueryView>
        </section>
      </div>
    </>
  );
}

/** /videoer: search every video I may watch (?q=… and filters in the URL), or my own under ?vis=mine. */
export function VideosPage() {
  const { t } = useTranslation();
  const [url] = useSearchParams();
  const mine = url.get('vis') === 'mine';
  const shared = url.get('vis') === 'delt';
  usePageTitle(mine ? t('videos.mine') : shared ? t('grants.sharedWithMe') : t('videos.title'));
  const state = useLocation().state as { notice?: string } | null;
  return (
    <div className="page">
      <div className="page-head videos-head">
        <div>
          <h1>{t('videos.title')}</h1>
          <p className="lead">{t('search.intro')}</p>
        </div>
        <div className="page-actions">
          <Link to="/videoer/ny" className="btn btn-primary">
            {t('videos.upload')}
          </Link>
        </div>
      </div>
      <Notice message={state?.notice} />
      <nav aria-label={t('search.views')}>
        <ul className="search-tabs">
          <li>
            <Link to="/videoer" aria-current={mine || shared ? undefined : 'page'}>
              {t('search.tabAll')}
            </Link>
          </li>
          <li>
            <Link to="/videoer?vis=mine" aria-current={mine ? 'page' : undefined}>
              {t('videos.mine')}
            </Link>
          </li>
          <li>
            <Link to="/videoer?vis=delt" aria-current={shared ? 'page' : undefined}>
              {t('grants.sharedWithMe')}
            </Link>
          </li>
        </ul>
      </nav>
      {mine ? <MyVideos /> : shared ? <SharedWithMe /> : <Search />}
    </div>
  );
}

/** /videoer for someone not signed in (issue 15): search the public videos (the server answers those only). */
export function PublicVideosPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicVideos.title'));
  return (
    <div className="page">
      <div className="page-head videos-head">
        <div>
          <h1>{t('publicVideos.title')}</h1>
          <p className="lead">{t('publicVideos.intro')}</p>
        </div>
      </div>
      <Search publicView />
    </div>
  );
}
