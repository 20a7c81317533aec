import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FACETS, type FacetName } from '../../api/search';
import { useStorySearch } from '../../api/stories';
import { Button } from '../../components/Button';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { SearchBox, type Suggestion } from '../videos/SearchBox';
import { SearchFilters } from '../videos/SearchFilters';
import { readParams } from '../videos/VideosPage';
import { StoryGrid } from './StoryCard';

/** /praksisfortaellinger: search the practice stories I may read (?q=… and the same filters as the videos). */
export function StoriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('stories.title'));
  const navigate = useNavigate();
  const [routerUrl, setUrl] = useSearchParams();
  // A change shows at once (a ticked box stays ticked) while the router catches up with the new URL.
  const routerKey = routerUrl.toString();
  const [pending, setPending] = useState<{ from: string; next: URLSearchParams } | null>(null);
  const url = pending && pending.from === routerKey ? pending.next : routerUrl;
  const params = useMemo(() => {
    const { q, subject, ageBand, method, pillar } = readParams(url);
    return { q, subject, ageBand, method, pillar };
  }, [url]);
  const query = useStorySearch(params);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const first = query.data?.pages[0];
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(url);
    change(next);
    setPending({ from: routerKey, next });
    setUrl(next);
  };
  const toggle = (name: FacetName, value: string, on: boolean) =>
    update((next) => {
      const values = next.getAll(name).filter((v) => v !== value);
      next.delete(name);
      for (const v of on ? [...values, value] : values) next.append(name, v);
    });
  const pick = (s: Suggestion) => {
    if (s.kind === 'video') navigate(`/videoer/${s.id}`);
    else
      update((next) => {
        if (!next.getAll(s.kind).includes(s.id)) next.append(s.kind, s.id);
      });
  };
  const chosen = Object.fromEntries(FACETS.map((f) => [f, params[f]])) as Record<FacetName, string[]>;
  const resultsLabel = params.q
    ? t('stories.results.forQuery', { count: first?.total ?? 0, q: params.q })
    : t('stories.results.count', { count: first?.total ?? 0 });

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('stories.title')}</h1>
          <p className="lead">{t('stories.intro')}</p>
        </div>
      </div>
      <div className="search-bar">
        <SearchBox
          label={t('stories.searchLabel')}
          initial={params.q}
          onSearch={(q) =>
            update((next) => {
              if (q) next.set('q', q);
              else next.delete('q');
            })
          }
          onPick={pick}
        />
      </div>
      <div className="search-layout">
        <div>
          <Button
            variant="secondary"
            className="search-filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls={filtersId}
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {t('search.showFilters')}
          </Button>
          {first && (
            <SearchFilters
              id={filtersId}
              facets={first.facets}
              chosen={chosen}
              onToggle={toggle}
              onClear={() =>
                update((next) => {
                  for (const f of FACETS) next.delete(f);
                })
              }
              open={filtersOpen}
            />
          )}
        </div>
        <section aria-labelledby="story-results" aria-busy={query.isPlaceholderData || undefined}>
          <div className="search-summary">
            <h2 id="story-results" className="sr-only">
              {t('stories.results.heading')}
            </h2>
            <p role="status">{first ? resultsLabel : ''}</p>
          </div>
          <QueryView query={query} empty={query.isSuccess && items.length === 0 && t('stories.results.none')}>
            {() => (
              <>
                <StoryGrid stories={items} labelledBy="story-results" />
                {query.hasNextPage && (
                  <Button
                    variant="secondary"
                    className="search-more"
                    busy={query.isFetchingNextPage}
                    onClick={() => query.fetchNextPage()}
                  >
                    {t('stories.more')}
                  </Button>
                )}
              </>
            )}
          </QueryView>
        </section>
      </div>
    </div>
  );
}
