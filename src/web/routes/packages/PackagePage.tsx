import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  copyPackage,
  deletePackage,
  type PackageDetail,
  type PackageItem,
  packageKeys,
  usePackage,
} from '../../api/packages';
import { Loading, Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialogs';
import { formatTime } from '../../components/player/format';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import './packages.css';

/** A page's "not found" (the package is gone or not shared with me) or another failure. */
export function PackageError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  usePageTitle(t(notFound ? 'packages.notFoundTitle' : 'packages.title'));
  return (
    <div className="page-narrow">
      <h1>{t(notFound ? 'packages.notFoundTitle' : 'packages.title')}</h1>
      {notFound ? <p>{t('packages.notFoundHelp')}</p> : <RequestError error={error} />}
      <p>
        <Link to="/pakker">{t('packages.backToList')}</Link>
      </p>
    </div>
  );
}

/** A video item's video: poster, title (a link to the video) and length; or why it cannot be shown. */
export function ItemVideo({ item }: { item: PackageItem }) {
  const { t } = useTranslation();
  const v = item.video;
  if (!v) return <p className="pkg-unavailable">{t('packages.videoUnavailable')}</p>;
  return (
    <div className="pkg-video">
      <div className="pkg-video-thumb">
        {v.posterUrl ? (
          <img src={v.posterUrl} alt="" loading="lazy" />
        ) : (
          <span className="video-thumb-empty" />
        )}
      </div>
      <p className="pkg-video-title">
        <Link to={`/videoer/${v.id}`}>{v.title}</Link>
        {v.durationSeconds ? (
          <span className="muted">
            {' '}
            · <span className="sr-only">{t('videos.duration')} </span>
            {formatTime(v.durationSeconds)}
          </span>
        ) : null}
      </p>
    </div>
  );
}

function ItemEntry({ item, n }: { item: PackageItem; n: number }) {
  const { t } = useTranslation();
  return (
    <li className={`pkg-item pkg-item-${item.kind}`}>
      <p className="pkg-item-kind">
        <span className="pkg-item-number" aria-hidden="true">
          {n}
        </span>
        {t(`packages.kind.${item.kind}`)}
      </p>
      {item.kind === 'text' && item.title && <h3 className="pkg-item-title">{item.title}</h3>}
      {item.kind === 'video' && <ItemVideo item={item} />}
      {item.body && (
        <p className={item.kind === 'question' ? 'pkg-question pkg-prose' : 'pkg-prose'}>{item.body}</p>
      )}
    </li>
  );
}

function PackageMeta({ pkg }: { pkg: PackageDetail }) {
  const { t } = useTranslation();
  return (
    <p className="video-meta muted">
      <span>{pkg.mine ? t('packages.byYou') : t('packages.by', { name: pkg.owner.name })}</span>
      <span>{t('packages.updated', { when: formatDateTime(pkg.updatedAt) })}</span>
      <span>{t('packages.itemCount', { count: pkg.itemCount })}</span>
      <span className="badge">{t(`packages.visibility.short.${pkg.visibility}`)}</span>
    </p>
  );
}

function Actions({ pkg }: { pkg: PackageDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [copying, setCopying] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function copy() {
    setCopying(true);
    setError(null);
    try {
      const c = await copyPackage(pkg.id);
      qc.setQueryData(packageKeys.one(c.id), c);
      void qc.invalidateQueries({ queryKey: packageKeys.all });
      navigate(`/pakker/${c.id}/rediger`, { state: { notice: t('packages.copied') } });
    } catch (err) {
      setError(err);
      setCopying(false);
    }
  }
  return (
    <>
      <div className="actions pkg-actions">
        {pkg.itemCount > 0 && (
          <Link to={`/pakker/${pkg.id}/praesenter`} className="btn btn-primary">
            {t('packages.presentButton')}
          </Link>
        )}
        {pkg.canCopy && (
          <Button variant="secondary" busy={copying} onClick={copy}>
            {t('packages.copy')}
          </Button>
        )}
        {pkg.canEdit && (
          <Link to={`/pakker/${pkg.id}/rediger`} className="btn btn-secondary">
            {t('packages.editButton')}
          </Link>
        )}
        {pkg.canDelete && (
          <ConfirmDialog
            triggerLabel={t('packages.delete')}
            title={t('packages.deleteTitle', { title: pkg.title })}
            confirmLabel={t('packages.deleteConfirm')}
            onConfirm={async () => {
              await deletePackage(pkg.id);
              qc.removeQueries({ queryKey: packageKeys.one(pkg.id) });
              await qc.invalidateQueries({ queryKey: packageKeys.all });
              navigate('/pakker', { state: { notice: t('packages.deleted', { title: pkg.title }) } });
            }}
          >
            <p>{t('packages.deleteText')}</p>
          </ConfirmDialog>
        )}
      </div>
      {error ? <RequestError error={error} /> : null}
    </>
  );
}

/** /pakker/:id: what the package is for, the facilitation guide and the items in order. */
export function PackagePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePackage(id);
  const state = useLocation().state as { notice?: string } | null;
  usePageTitle(query.data?.title ?? t('packages.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) return <PackageError error={query.error} />;
  const pkg = query.data;
  return (
    <div className="page pkg-page">
      <Breadcrumbs items={[{ to: '/pakker', label: t('packages.title') }, { label: pkg.title }]} />
      <Notice message={state?.notice} />
      <h1 className="break">{pkg.title}</h1>
      <PackageMeta pkg={pkg} />
      {pkg.copiedFrom && (
        <p className="muted">
          {t('packages.copiedFrom')} <Link to={`/pakker/${pkg.copiedFrom.id}`}>{pkg.copiedFrom.title}</Link>
        </p>
      )}
      {pkg.description && <p className="lead pkg-prose">{pkg.description}</p>}
      <Actions pkg={pkg} />
      <div className="pkg-columns">
        <section aria-labelledby="pkg-items" className="pkg-main">
          <h2 id="pkg-items">{t('packages.itemsHeading')}</h2>
          {pkg.items.length ? (
            <ol className="pkg-items">
              {pkg.items.map((item, i) => (
                <ItemEntry key={item.id} item={item} n={i + 1} />
              ))}
            </ol>
          ) : (
            <p className="muted">{pkg.canEdit ? t('packages.noItemsEdit') : t('packages.noItems')}</p>
          )}
        </section>
        <section aria-labelledby="pkg-guide" className="card pkg-guide">
          <h2 id="pkg-guide">{t('packages.guide')}</h2>
          {pkg.facilitationGuide ? (
            <p className="pkg-prose">{pkg.facilitationGuide}</p>
          ) : (
            <p className="muted">{t('packages.noGuide')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
