import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';

/** An error message that screen readers announce at once. The live region stays in the page so updates are heard. */
export function ErrorAlert({ message, children }: { message?: string | null; children?: ReactNode }) {
  const { t } = useTranslation();
  const shown = message || children;
  return (
    <div role="alert" className={shown ? 'alert alert-error' : 'alert-empty'}>
      {shown && (
        <>
          <strong>{t('common.errorTitle')}</strong> {message}
          {children}
        </>
      )}
    </div>
  );
}

/** Shows the message of a failed request (if any). */
export function RequestError({ error }: { error: unknown }) {
  return <ErrorAlert message={error ? errorMessage(error) : null} />;
}

/** A polite confirmation ("Gemt"). */
export function Notice({ message }: { message?: string | null }) {
  return (
    <div role="status" className={message ? 'alert alert-success' : 'alert-empty'}>
      {message}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </p>
  );
}
