import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, type UploadState } from '../../api/upload';
import { Button } from '../../components/Button';
import { i18n } from '../../i18n';

function formatSpeed(bytesPerSecond: number) {
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytesPerSecond / 1024 ** 2);
}

/** "ca. 3 min", "ca. 40 sek.", "ca. 1 t 10 min". */
function timeLeft(t: (k: string, o?: Record<string, unknown>) => string, seconds: number) {
  if (seconds < 60) return t('upload.left.seconds', { count: Math.max(5, Math.ceil(seconds / 5) * 5) });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t('upload.left.minutes', { count: minutes });
  return t('upload.left.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** Once per 10 %: what a screen reader hears (the visible numbers change all the time, and are not announced). */
function useAnnouncement(state: UploadState, percent: number) {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  const step = Math.floor(percent / 10) * 10;
  useEffect(() => {
    if (state.phase === 'uploading' && step > 0 && step < 100)
      setSaid(t('upload.announce', { percent: step }));
  }, [step, state.phase, t]);
  return said;
}

export function UploadProgress({
  state,
  fileName,
  onPause,
  onResume,
  onCancel,
}: {
  state: UploadState;
  fileName: string;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const percent = state.total ? Math.floor((state.sent / state.total) * 100) : 0;
  const announcement = useAnnouncement(state, percent);
  const left = state.speed ? (state.total - state.sent) / state.speed : null;
  const status =
    state.phase === 'paused'
      ? t('upload.pausedText')
      : state.phase === 'offline'
        ? t('upload.offline')
        : state.phase === 'starting'
          ? t('upload.starting')
          : null;

  return (
    <section className="card upload-progress" aria-labelledby={labelId}>
      <h2 id={labelId} className="upload-file">
        {t('upload.uploading', { name: fileName })}
      </h2>
      {state.resumed && <p className="alert alert-info">{t('upload.resumed')}</p>}
      <progress
        className="upload-bar"
        max={100}
        value={percent}
        aria-labelledby={labelId}
        aria-valuetext={`${percent} %`}
      />
      <p className="upload-numbers">
        <strong>{percent} %</strong>
        <span>
          {formatBytes(state.sent)} / {formatBytes(state.total)}
        </span>
        {state.phase === 'uploading' && state.speed !== null && (
          <span>{t('upload.speed', { speed: formatSpeed(state.speed) })}</span>
        )}
        {state.phase === 'uploading' && left !== null && <span>{timeLeft(t, left)}</span>}
      </p>
      <div
        role="status"
        className={
          status ? `alert ${state.phase === 'offline' ? 'alert-warning' : 'alert-info'}` : 'alert-empty'
        }
      >
        {status}
      </div>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      <div className="form-actions">
        {state.phase === 'paused' ? (
          <Button onClick={onResume}>{t('upload.resume')}</Button>
        ) : (
          <Button variant="secondary" onClick={onPause} disabled={state.phase === 'starting'}>
            {t('upload.pause')}
          </Button>
        )}
        <Button variant="danger" onClick={onCancel}>
          {t('upload.cancel')}
        </Button>
      </div>
    </section>
  );
}
