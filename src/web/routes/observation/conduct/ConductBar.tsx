import { useEffect, useState } from 'react';
import { useWords } from '../../../i18n/words';
import type { Draft } from '../../../offline/db';
import { elapsedMs, type SyncState } from '../../../offline/sync';
import { clock } from './steps';

/** Timer (start/pause, elapsed time) for the lesson. */
export function Timer({ draft, onToggle }: { draft: Draft; onToggle: () => void }) {
  const { t } = useWords();
  const [, tick] = useState(0);
  useEffect(() => {
    if (!draft.runningSince) return;
    const id = window.setInterval(() => tick((n) => n + 1), 1000);
    return () => window.clearInterval(id);
  }, [draft.runningSince]);
  const running = !!draft.runningSince;
  return (
    <div className="obs-timer">
      <span className="obs-timer-time">
        <span className="sr-only">{t('observation.timer.label')} </span>
        <time>{clock(elapsedMs(draft))}</time>
      </span>
      <button
        type="button"
        className="btn btn-secondary obs-timer-btn"
        onClick={onToggle}
        aria-pressed={running}
      >
        {running
          ? t('observation.timer.pause')
          : draft.startedAt
            ? t('observation.timer.resume')
            : t('observation.timer.start')}
      </button>
    </div>
  );
}

const timeOfDay = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString('da-DK', { hour: '2-digit', minute: '2-digit' }) : '';

/** Where the answers are: on the device, on their way, synced — announced politely to screen readers. */
export function SyncStatus({ state, onRetry }: { state: SyncState; onRetry: () => void }) {
  const { t } = useWords();
  const text = (() => {
    switch (state.kind) {
      case 'syncing':
        return t('observation.sync.syncing');
      case 'synced':
        return state.at
          ? t('observation.sync.synced', { time: timeOfDay(state.at) })
          : t('observation.sync.local');
      case 'offline':
        return t('observation.sync.offline');
      case 'expired':
        return t('observation.sync.expired');
      case 'retry':
        return t('observation.sync.retry');
      case 'refused':
        return t('observation.sync.refused', { message: state.message });
      default:
        return t('observation.sync.local');
    }
  })();
  const problem = state.kind === 'expired' || state.kind === 'refused';
  return (
    <div className={`obs-sync obs-sync-${state.kind}`}>
      <p role="status" aria-live="polite" className="obs-sync-text">
        {text}
      </p>
      {state.kind === 'expired' && (
        <a className="btn btn-link" href="/log-ind" target="_blank" rel="noopener">
          {t('observation.sync.signIn')}
        </a>
      )}
      {problem && (
        <button type="button" className="btn btn-link" onClick={onRetry}>
          {t('observation.sync.tryAgain')}
        </button>
      )}
    </div>
  );
}
