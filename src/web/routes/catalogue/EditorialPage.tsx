import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EditorialState } from '../../../shared/catalogue';
import { catalogueKeys, type EditorialItem, useEditorial, workflowStep } from '../../api/catalogue';
import { errorMessage } from '../../api/client';
import { videoKeys } from '../../api/videos';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import { CatalogueFacts } from './CatalogueSection';
import { SendBackDialog, UnpublishDialog } from './EditorialActions';
import { EditorialNav } from './EditorialNav';

const STATES: EditorialState[] = ['in_review', 'returned', 'draft', 'published'];

function ConsentLine({ item }: { item: EditorialItem }) {
  const { t } = useTranslation();
  const c = item.consent;
  return (
    <p className="review-consent">
      <span className={c.allowsPublic ? 'consent-ok' : 'consent-bad'}>
        {c.allowsPublic ? t('editorial.consentPublic') : t('editorial.consentNotPublic')}
      </span>{' '}
      <span className="muted">
        ({t(`editorial.consentState.${c.state}`, { visibility: t(`visibility.short.${c.widestVisibility}`) })}
        )
      </span>
    </p>
  );
}

/** Why "Udgiv" would be refused (as the server's publish checks), or null. */
function publishBlocked(item: EditorialItem) {
  if (item.status !== 'ready') return 'not_ready';
  if (!item.subject || !item.ageBand) return 'metadata_incomplete';
  if (item.consent.allowsPublic) return null;
  return item.consent.state === 'missing' ? 'consent_missing' : 'consent_not_public';
}

function ReviewItem({ item, onDone }: { item: EditorialItem; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const blocked = publishBlocked(item);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function publish() {
    setBusy(true);
    setError(null);
    try {
      await workflowStep(item.id, 'publish');
      onDone(t('editorial.publishedNotice', { title: item.title }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="card review-item">
      <h3 className="break">
        <Link to={`/videoer/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="review-meta">
        {item.owner.name} · {item.institution.name} · {t(`visibility.short.${item.visibility}`)} ·{' '}
        {t('editorial.changed', { when: formatDateTime(item.updatedAt) })}
      </p>
      <CatalogueFacts c={item} />
      <ConsentLine item={item} />
      {item.editorialComment && (
        <p className="break">
          <strong>{t('editorial.lastComment')}</strong> {item.editorialComment}
        </p>
      )}
      <ErrorAlert message={error} />
      {item.editorialState === 'in_review' && blocked && (
        <p id={`publish-blocked-${item.id}`} className="hint">
          {t(`publishBlocked.${blocked}`)}
        </p>
      )}
      <div className="button-row">
        {item.editorialState === 'in_review' && (
          <>
            <Button
              busy={busy}
              disabled={!!blocked}
              aria-describedby={blocked ? `publish-blocked-${item.id}` : undefined}
              onClick={publish}
            >
              {t('editorial.publish')}
              <span className="sr-only"> {item.title}</span>
            </Button>
            <SendBackDialog
              videoId={item.id}
              title={item.title}
              onDone={() => onDone(t('editorial.sentBackNotice', { title: item.title }))}
            />
          </>
        )}
        {item.editorialState === 'published' && (
          <UnpublishDialog
            videoId={item.id}
            title={item.title}
            onDone={() => onDone(t('editorial.unpublishedNotice', { title: item.title }))}
          />
        )}
      </div>
    </li>
  );
}

/** /redaktion: the review queue (and the other workflow states) for editors. */
export function EditorialPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('status') as EditorialState | null;
  const state: EditorialState = wanted && STATES.includes(wanted) ? wanted : 'in_review';
  const list = useEditorial(state);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('editorial.title'));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const done = (message: string) => {
    setNotice(message);
    void qc.invalidateQueries({ queryKey: catalogueKeys.editorial });
    void qc.invalidateQueries({ queryKey: videoKeys.each });
    void qc.invalidateQueries({ queryKey: videoKeys.all });
  };

  return (
    <div className="page">
      <h1>{t('editorial.title')}</h1>
      <EditorialNav />
      <p className="lead">{t('editorial.intro')}</p>
      <nav aria-label={t('editorial.filterLabel')}>
        <ul className="editorial-tabs filter-tabs">
          {STATES.map((s) => (
            <li key={s}>
              <Link
                to={s === 'in_review' ? '/redaktion' : `/redaktion?status=${s}`}
                aria-current={s === state ? 'page' : undefined}
                onClick={() => {
                  setNotice(null);
                  setParams(s === 'in_review' ? {} : { status: s });
                }}
              >
                {t(`editorial.tab.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Notice message={notice} />
      <h2>{t(`editorial.tab.${state}`)}</h2>
      <QueryView query={list} empty={!items.length && t(`editorial.empty.${state}`)}>
        {() => (
          <>
            <ul className="review-list">
              {items.map((item) => (
                <ReviewItem key={item.id} item={item} onDone={done} />
              ))}
            </ul>
            {list.hasNextPage && (
              <p>
                <Button
                  variant="secondary"
                  busy={list.isFetchingNextPage}
                  onClick={() => list.fetchNextPage()}
                >
                  {t('editorial.more')}
                </Button>
              </p>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
