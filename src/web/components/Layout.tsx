import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { markSessionExpired, useLogout } from '../api/auth';
import { onSessionExpired } from '../api/client';
import { useModerationSummary } from '../api/comments';
import { canOrganise, peopleKeys, useMe } from '../api/people';
import { setLocale } from '../i18n';
import { Loading } from './Alert';
import { Button } from './Button';
import { DemoBanner } from './DemoBanner';
import { dataSections, inDataSection } from './dataSections';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

function MainNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const moderation = useModerationSummary(!!me);
  const { pathname } = useLocation();
  if (!me) return null;
  const sections = dataSections(me);
  const links: [string, string][] = [
    ['/', t('nav.home')],
    ['/videoer', t('nav.videos')],
    ['/praksisfortaellinger', t('stories.nav')],
    ['/faellesskaber', t('communities.nav')],
    ['/pakker', t('packages.nav')],
    ['/traening', t('training.nav')],
  ];
  if (me.teams.length > 0) links.splice(1, 0, ['/team', t('inquiry.nav')]);
  // The data tools sit behind one entry (the page /data lists them), so the menu stays one line.
  if (sections.length) links.push(['/data', t('nav.data')]);
  // Importing staff is a part of the organisation pages (a button there), not a menu entry of its own.
  if (canOrganise(me)) links.push(['/organisation', t('nav.organisation')]);
  if (me.capabilities.curate) links.push(['/redaktion', t('editorial.nav')]);
  if (me.capabilities.readOutbox) links.push(['/udbakke', t('nav.outbox')]);
  if (moderation.data?.canModerate) links.push(['/moderation', t('moderation.nav')]);
  links.push(['/profil', t('nav.profile')]);
  return (
    <nav id="main-nav" aria-label={t('nav.label')} className={`main-nav${open ? ' is-open' : ''}`}>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            {to === '/data' ? (
              // "Data" is the current place on every data tool's pages too.
              <Link
                to={to}
                onClick={onClose}
                aria-current={inDataSection(sections, pathname) ? 'page' : undefined}
              >
                {label}
              </Link>
            ) : (
              <NavLink to={to} end={to === '/'} onClick={onClose}>
                {label}
              </NavLink>
            )}
          </li>
        ))}
      </ul>
      <div className="nav-user">
        <span className="nav-user-name">{me.name}</span>
        <Button
          variant="secondary"
          busy={logout.isPending}
          onClick={() => logout.signOut(() => navigate('/log-ind', { state: { loggedOut: true } }))}
        >
          {t('nav.logout')}
        </Button>
      </div>
    </nav>
  );
}

/** Page frame: skip link, header with brand, main menu and language switch, main, footer. */
/** The staff survey's anonymous answer page (/svar, /svar/:token). */
const isAnswerPage = (pathname: string) => pathname === '/svar' || pathname.startsWith('/svar/');

export function Layout() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const first = useRef(true);

  useEffect(
    () =>
      onSessionExpired(() => {
        markSessionExpired();
        qc.setQueryData(peopleKeys.me, null);
      }),
    [qc],
  );

  // A signed-in person's own language setting wins.
  useEffect(() => {
    if (me?.locale) void setLocale(me.locale);
  }, [me?.locale]);

  // After client-side navigation, move focus to the new page's heading so screen readers hear it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    // The heading may appear only after the page's code or data has loaded: wait for it a little.
    let tries = 0;
    const timer = setInterval(() => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      if (!h1 && ++tries < 30) return;
      clearInterval(timer);
      const main = document.getElementById('main');
      const active = document.activeElement;
      // Leave focus alone if the person (or a test) is already working inside the new page.
      if (active && active !== main && main?.contains(active)) return;
      const target = h1 ?? main;
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }, 50);
    return () => clearInterval(timer);
  }, [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setMenuOpen(false);
        menuButton.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          {me && (
            <button
              ref={menuButton}
              type="button"
              className="btn btn-secondary menu-button"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((v) => !v)}
            >
              <span className="menu-icon" aria-hidden="true" />
              <span className="menu-label">{t('nav.menu')}</span>
            </button>
          )}
          <MainNav open={menuOpen} onClose={() => setMenuOpen(false)} />
          {/* Someone not signed in on a public page (issue 15): the way in, always in view — but not on the staff
              survey's answer page, whose respondent is anonymous (signing in there would tie them to the visit). */}
          {!me && location.pathname !== '/log-ind' && !isAnswerPage(location.pathname) && (
            <Link
              to="/log-ind"
              state={{ from: location.pathname }}
              className="btn btn-secondary header-sign-in"
            >
              {t('publicHome.signIn')}
            </Link>
          )}
          {me && <NotificationBell />}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <DemoBanner />
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          {t('app.name')} · {t('app.tagline')} · {t('app.footer')}
        </p>
        <nav aria-label={t('app.footerNav')}>
          <ul>
            <li>
              <Link to="/tilgaengelighed">{t('app.accessibility')}</Link>
            </li>
            <li>
              <Link to="/privatliv">{t('app.privacy')}</Link>
            </li>
          </ul>
        </nav>
      </footer>
    </>
  );
}
