import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { useTranslation } from 'react-i18next';

type Common = { label: string; hint?: ReactNode; error?: string; optional?: boolean };

function useDescribed(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Label({ htmlFor, label, optional }: { htmlFor: string; label: string; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor}>
      {label}
      {optional && <span className="optional"> {t('common.optional')}</span>}
    </label>
  );
}

function Messages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: ReactNode;
  hintId?: string;
  error?: string;
  errorId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          <span className="sr-only">{t('common.errorPrefix')} </span>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({
  label,
  hint,
  error,
  optional,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = useDescribed(hint, error);
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <Label htmlFor={d.id} label={label} optional={optional} />
      <Messages hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
      <input
        id={d.id}
        type="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
        required={!optional}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  optional,
  className,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const d = useDescribed(hint, error);
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <Label htmlFor={d.id} label={label} optional={optional} />
      <Messages hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
      <select
        id={d.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
        required={!optional}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}
