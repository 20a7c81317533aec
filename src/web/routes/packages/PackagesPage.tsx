import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { type PackageSummary, usePackages } from '../../api/packages';
import { Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import './packages.css';

function PackageCard({ pkg }: { pkg: PackageSummary }) {
  const { t } = useTranslation();
  return (
    <li className="pkg-card">
      <h3 className="pkg-card-title">
        <Link to={`/pakker/${pkg.id}`} className="stretched-link">
          {pkg.title}
        </Link>
      </h3>
      {pkg.description && <p className="pkg-card-text">{pkg.description}</p>}
      <p className="pkg-card-meta">
        <span>{t('packages.itemCount', { count: pkg.itemCount })}</span>
        <span>{pkg.mine ? t('packages.byYou') : t('packages.by', { name: pkg.owner.name })}</span>
        <span className="badge">{t(`packages.visibility.short.${pkg.visibility}`)}</span>
      </p>
    </li>
  );
}

/** The search field waits a moment after the last key before it asks. */
function useDebounced(value: string, ms = 250) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

function PackageList({ mine, q }: { mine: boolean; q: string }) {
  const { t } = useTranslation();
  const query = usePackages(mine, q);
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  const empty = q ? t('packages.noMatches') : mine ? t('packages.noneMine') : t('packages.noneAll');
  return (
    <QueryView query={query} empty={query.isSuccess && items.length === 0 && empty}>
      {() => (
        <>
          <p className="sr-only" role="status">
            {t('packages.shown', { count: items.length })}
          </p>
          <ul className="pkg-grid">
            {items.map((p) => (
              <PackageCard key={p.id} pkg={p} />
            ))}
          </ul>
          {query.hasNextPage && (
            <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
              {t('packages.showMore')}
            </Button>
          )}
        </>
      )}
    </QueryView>
  );
}

/** /pakker: my learning packages, or all I may use (mine, my institution's, my kommune's, public ones). */
export function PackagesPage() {
  const { t } = useTranslation();
  usePageTitle(t('packages.title'));
  const [params, setParams] = useSearchParams();
  // Without a choice in the address, open on "Mine" only when I have packages: else on all I can see.
  const vis = params.get('vis');
  const minePage = usePackages(true, '').data?.pages[0];
  const mine = vis === 'mine' || (vis !== 'alle' && !(minePage && minePage.items.length === 0));
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim());
  const state = useLocation().state as { notice?: string } | null;
  const tabs: [boolean, string, string][] = [
    [true, '/pakker?vis=mine', t('packages.tabMine')],
    [false, '/pakker?vis=alle', t('packages.tabAll')],
  ];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('packages.title')}</h1>
          <p className="lead">{t('packages.intro')}</p>
        </div>
        <div className="page-actions">
          <Link to="/pakker/ny" className="btn btn-primary">
            {t('packages.create')}
          </Link>
        </div>
      </div>
      <Notice message={state?.notice} />
      <nav aria-label={t('packages.tabsLabel')} className="pkg-tabs">
        <ul>
          {tabs.map(([isMine, to, label]) => (
            <li key={to}>
              <Link to={to} aria-current={isMine === mine ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <search className="search-box">
        <TextField
          label={t('packages.search')}
          type="search"
          required={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('q', e.target.value);
            else next.delete('q');
            setParams(next, { replace: true });
          }}
        />
      </search>
      <section className="video-section" aria-label={mine ? t('packages.tabMine') : t('packages.tabAll')}>
        <PackageList mine={mine} q={q} />
      </section>
    </div>
  );
}
