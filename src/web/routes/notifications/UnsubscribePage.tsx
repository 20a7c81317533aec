import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { type UnsubscribeKind, useUnsubscribe, useUnsubscribeLink } from '../../api/notifications';
import { Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { usePageTitle } from '../../components/usePageTitle';
import { kindKey } from './notificationText';
import './notification-settings.css';

function SettingsLink() {
  const { t } = useTranslation();
  return (
    <p className="auth-links">
      <Link to="/notifikationer/indstillinger">{t('notifications.unsubscribe.toSettings')}</Link>
    </p>
  );
}

/**
 * /afmeld/:token, from the link in a notification e-mail. Opening it only shows what it is about: e-mail stops
 * when the person presses the button (link scanners open links too). No sign-in needed; the token is the proof.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const link = useUnsubscribeLink(token);
  const stop = useUnsubscribe(token);
  const doneRef = useRef<HTMLParagraphElement>(null);
  usePageTitle(
    link.isError ? t('notifications.unsubscribe.invalidTitle') : t('notifications.unsubscribe.title'),
  );
  useEffect(() => {
    if (stop.isSuccess) doneRef.current?.focus();
  }, [stop.isSuccess]);

  if (link.isPending) return <Loading />;
  if (link.isError)
    return (
      <div className="auth-page">
        <div className="card auth-card">
          <h1>{t('notifications.unsubscribe.invalidTitle')}</h1>
          <p className="alert alert-error">{errorMessage(link.error)}</p>
          <SettingsLink />
        </div>
      </div>
    );

  const kind: UnsubscribeKind = link.data.kind;
  const digest = kind === 'digest';
  const label = t(`notifications.kindLabels.${kindKey(kind)}`);
  const quiet = link.data.delivery === 'in_app' || link.data.delivery === 'off';
  return (
    <div className="auth-page">
      <div className="card auth-card">
        <h1>{t('notifications.unsubscribe.title')}</h1>
        {stop.isSuccess ? (
          <p ref={doneRef} tabIndex={-1} role="status" className="alert alert-success">
            {digest
              ? t('notifications.unsubscribe.doneDigest')
              : t('notifications.unsubscribe.done', { kind: label })}
          </p>
        ) : quiet ? (
          <p>
            {digest
              ? t('notifications.unsubscribe.alreadyOffDigest')
              : t('notifications.unsubscribe.alreadyOff', { kind: label })}
          </p>
        ) : (
          <>
            <p className="lead">
              {digest
                ? t('notifications.unsubscribe.questionDigest')
                : t('notifications.unsubscribe.question', { kind: label })}
            </p>
            <p>{t('notifications.unsubscribe.explain')}</p>
            <RequestError error={stop.error} />
            <div className="unsubscribe-actions">
              <Button busy={stop.isPending} onClick={() => stop.mutate()}>
                {t('notifications.unsubscribe.confirm')}
              </Button>
            </div>
          </>
        )}
        <p className="muted">{t('notifications.unsubscribe.settingsHelp')}</p>
        <SettingsLink />
      </div>
    </div>
  );
}
