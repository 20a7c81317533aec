import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PersonStatus, usePeople } from '../../api/people';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';

export function StatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

function useDebounced<T>(value: T, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** People the viewer may see, optionally within one institution: search, and "Vis flere" for the next page. */
export function PeopleList({ institutionId, headingId }: { institutionId?: string; headingId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 300);
  const people = usePeople({ institutionId, q: query || undefined });
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="people-list">
      <search className="search-box">
        <TextField
          label={t('people.search')}
          type="search"
          name="q"
          optional
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
        />
      </search>
      <p className="sr-only" aria-live="polite">
        {people.isSuccess ? t('people.showing', { count: items.length }) : ''}
      </p>
      <QueryView
        query={people}
        empty={items.length === 0 && (query ? t('people.noMatch', { q: query }) : t('people.none'))}
      >
        {() => (
          <TableWrap label={t('people.title')} busy={people.isFetching && !people.isFetchingNextPage}>
            <table aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col" className="col-secondary">
                    {t('login.email')}
                  </th>
                  <th scope="col" className="col-secondary">
                    {t('people.roles')}
                  </th>
                  <th scope="col">{t('people.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/organisation/personer/${p.id}`}>{p.name}</Link>
                    </th>
                    <td className="break col-secondary">{p.email}</td>
                    <td className="col-secondary">
                      {p.roles.length
                        ? p.roles
                            .map((r) =>
                              r.scopeName ? `${t(`roles.${r.role}`)} (${r.scopeName})` : t(`roles.${r.role}`),
                            )
                            .join(', ')
                        : '–'}
                    </td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
      {people.hasNextPage && (
        <Button
          variant="secondary"
          busy={people.isFetchingNextPage}
          onClick={() => void people.fetchNextPage()}
        >
          {t('people.showMore')}
        </Button>
      )}
    </div>
  );
}
