import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStorySearch } from '../../api/stories';
import { Button } from '../../components/Button';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { SearchBox } from '../videos/SearchBox';
import { SearchFilters } from '../videos/SearchFilters';
import { chosenFacets, useSearchUrl } from '../videos/useSearchUrl';
import { readParams } from '../videos/VideosPage';
import { StoryGrid } from './StoryCard';

/** /praksisfortaellinger: search the practice stories I may read (?q=… and the same filters as the videos). */
export function StoriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('stories.title'));
  const { url, toggle, clear, setQuery, pick } = useSearchUrl();
  const params = useMemo(() => {
    const { q, subject, ageBand, method, pillar } = readParams(url);
    return { q, subject, ageBand, method, pillar };
  }, [url]);
  const query = useStorySearch(params);
  const first = query.data?.pages[0];
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  const chosen = chosenFacets(params);
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
        <SearchBox label={t('stories.searchLabel')} initial={params.q} onSearch={setQuery} onPick={pick} />
      </div>
      <div className="search-layout">
        <SearchFilters facets={first?.facets} chosen={chosen} onToggle={toggle} onClear={clear} />
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
