import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type PackageItem, usePackage } from '../../api/packages';
import { useVideo, videoKeys } from '../../api/videos';
import { Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Player } from '../../components/player/Player';
import { usePageTitle } from '../../components/usePageTitle';
import { PackageError } from './PackagePage';
import './packages.css';

/** A video item on the shared screen: the full video (signed playlist) in the player. */
function PresentVideo({ item }: { item: PackageItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const video = useVideo(item.video?.id);
  if (!item.video) return <p className="present-unavailable">{t('packages.videoUnavailable')}</p>;
  if (video.isPending) return <Loading />;
  if (video.isError) return <RequestError error={video.error} />;
  const v = video.data;
  if (v.status !== 'ready' || !v.playlistUrl)
    return <p className="present-unavailable">{t('packages.present.videoNotReady')}</p>;
  return (
    <div className="present-player">
      <Player
        video={v}
        onMediaExpired={() => void qc.invalidateQueries({ queryKey: videoKeys.one(v.id), exact: true })}
      />
    </div>
  );
}

function Slide({ item, headingId }: { item: PackageItem; headingId: string }) {
  const { t } = useTranslation();
  const heading =
    item.kind === 'video'
      ? (item.video?.title ?? t('packages.kind.video'))
      : item.kind === 'text'
        ? item.title || t('packages.kind.text')
        : t('packages.present.question');
  return (
    <div className={`present-slide present-slide-${item.kind}`}>
      <h2 id={headingId} className="present-heading">
        {heading}
      </h2>
      {item.kind === 'video' && <PresentVideo item={item} />}
      {item.body && (
        <p className={item.kind === 'question' ? 'present-question' : 'present-body'}>{item.body}</p>
      )}
    </div>
  );
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

/**
 * /pakker/:id/praesenter: the package on a shared screen at a team meeting, one item at a time, in large type.
 * →, Page Down or Space: next; ←, Page Up: previous; Home, End: first, last; Esc: back to the package. Focus
 * stays on the current item, so a presentation clicker (which sends Page Up/Down) works throughout.
 */
export function PresentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const query = usePackage(id);
  const [params, setParams] = useSearchParams();
  const [guideOpen, setGuideOpen] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const guideButton = useRef<HTMLButtonElement>(null);
  const items = query.data?.items ?? [];
  const count = items.length;
  const index = Math.min(Math.max(Number(params.get('nr') ?? 1) - 1 || 0, 0), Math.max(count - 1, 0));
  usePageTitle(
    query.data ? t('packages.present.pageTitle', { title: query.data.title }) : t('packages.title'),
  );

  // The key handler reads the item shown now, not the one of its last render: keys pressed right after a change
  // (a clicker, a quick typist) must not act on the item before it.
  const current = useRef(index);
  current.current = index;

  const go = useCallback(
    (to: number) => {
      if (!count) return;
      const n = Math.min(Math.max(to, 0), count - 1);
      setParams({ nr: String(n + 1) }, { replace: true });
    },
    [count, setParams],
  );
  const leave = useCallback(() => navigate(`/pakker/${id}`), [navigate, id]);

  // Each new item takes focus, so screen readers read it and the keys keep working.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the item changes
  useEffect(() => {
    if (count) stage.current?.focus({ preventScroll: false });
  }, [index, count]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const onButton = e.target instanceof HTMLElement && !!e.target.closest('button, a, [role="menu"]');
      const next = () => go(current.current + 1);
      const previous = () => go(current.current - 1);
      let action: (() => void) | undefined;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
          action = next;
          break;
        case ' ':
          // Space on a button presses the button.
          action = onButton ? undefined : next;
          break;
        case 'ArrowLeft':
        case 'PageUp':
          action = previous;
          break;
        case 'Home':
          action = () => go(0);
          break;
        case 'End':
          action = () => go(count - 1);
          break;
        case 'Escape':
          action = () => {
            if (!guideOpen) return leave();
            setGuideOpen(false);
            guideButton.current?.focus();
          };
          break;
      }
      if (!action) return;
      e.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go, count, guideOpen, leave]);

  if (query.isPending)
    return (
      <main id="main" className="present">
        <Loading />
      </main>
    );
  if (query.isError)
    return (
      <main id="main">
        <PackageError error={query.error} />
      </main>
    );
  const pkg = query.data;
  const item = items[index];
  const headingId = `present-item-${index}`;
  return (
    <main id="main" className={`present${guideOpen ? ' with-guide' : ''}`}>
      <header className="present-bar">
        <h1 className="present-title">{pkg.title}</h1>
        <p className="present-progress" aria-live="polite" aria-atomic="true">
          {count ? (
            <>
              <span className="sr-only">{t('packages.present.item')} </span>
              {index + 1} / {count}
            </>
          ) : null}
        </p>
        <div className="present-controls">
          <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
            <span aria-hidden="true">← </span>
            {t('packages.present.previous')}
          </Button>
          <Button variant="secondary" onClick={() => go(index + 1)} disabled={index >= count - 1}>
            {t('packages.present.next')}
            <span aria-hidden="true"> →</span>
          </Button>
          <button
            ref={guideButton}
            type="button"
            className="btn btn-secondary"
            aria-expanded={guideOpen}
            aria-controls="present-guide"
            onClick={() => setGuideOpen((v) => !v)}
          >
            {t('packages.present.guide')}
          </button>
          <Link to={`/pakker/${pkg.id}`} className="btn btn-secondary">
            {t('packages.present.leave')}
          </Link>
        </div>
      </header>
      <div className="present-body-wrap">
        {item ? (
          <section
            key={item.id}
            ref={stage}
            tabIndex={-1}
            className="present-stage"
            aria-roledescription={t('packages.present.slide')}
            aria-labelledby={headingId}
          >
            <Slide item={item} headingId={headingId} />
          </section>
        ) : (
          <div className="present-stage">
            <p className="present-body">{t('packages.noItems')}</p>
          </div>
        )}
        <aside
          id="present-guide"
          className="present-guide"
          hidden={!guideOpen}
          aria-labelledby="present-guide-title"
        >
          <h2 id="present-guide-title">{t('packages.guide')}</h2>
          <p className="pkg-prose">{pkg.facilitationGuide || t('packages.noGuide')}</p>
        </aside>
      </div>
      <p className="present-keys muted">{t('packages.present.keys')}</p>
    </main>
  );
}
