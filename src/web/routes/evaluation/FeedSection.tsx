import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { renewFeed, stopFeed, useFeedStatus } from '../../api/evaluation';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { formatDateTime } from '../../i18n';

/**
 * The personal calendar feed (issue 17 part 1): make the address, copy it, make a new one (the old stops at once),
 * or stop it. The address is shown only when it is made — the server keeps just its hash.
 */
export function FeedSection() {
  const { t } = useTranslation();
  const status = useFeedStatus();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
      await status.refetch();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const make = () =>
    run(async () => {
      setUrl((await renewFeed()).url);
      requestAnimationFrame(() => input.current?.focus());
    });
  const stop = () =>
    run(async () => {
      await stopFeed();
      setUrl(null);
      setNotice(t('evaluation.feed.stopped'));
    });
  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNotice(t('evaluation.feed.copied'));
    } catch {
      input.current?.select();
      setNotice(t('evaluation.feed.copyManually'));
    }
  }
  const active = status.data?.active;
  return (
    <section className="eval-feed" aria-labelledby="eval-feed-title">
      <h2 id="eval-feed-title">{t('evaluation.feed.heading')}</h2>
      <p className="hint">{t('evaluation.feed.help')}</p>
      {url ? (
        <>
          <TextField
            ref={input}
            label={t('evaluation.feed.url')}
            value={url}
            readOnly
            required={false}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="page-actions">
            <Button variant="secondary" onClick={copy}>
              {t('evaluation.feed.copy')}
            </Button>
            <a className="btn btn-secondary" href={url.replace(/^https?:/, 'webcal:')}>
              {t('evaluation.feed.open')}
            </a>
          </div>
        </>
      ) : (
        active &&
        status.data?.createdAt && (
          <p>{t('evaluation.feed.active', { date: formatDateTime(status.data.createdAt) })}</p>
        )
      )}
      <div className="page-actions">
        <Button variant={active ? 'secondary' : 'primary'} busy={busy} onClick={make}>
          {active ? t('evaluation.feed.renew') : t('evaluation.feed.make')}
        </Button>
        {active && (
          <Button variant="secondary" busy={busy} onClick={stop}>
            {t('evaluation.feed.stop')}
          </Button>
        )}
      </div>
      {active && <p className="hint">{t('evaluation.feed.renewHelp')}</p>}
      <Notice message={notice} />
      <ErrorAlert message={error} />
    </section>
  );
}
