import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
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
}: Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
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

export function TextAreaField({
  label,
  hint,
  error,
  optional,
  className,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const d = useDescribed(hint, error);
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <Label htmlFor={d.id} label={label} optional={optional} />
      <Messages hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
      <textarea
        id={d.id}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
        required={!optional}
        {...textarea}
      />
    </div>
  );
}

/** A file picker (on phones the system offers camera, library and files). */
export function FileField(props: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return <TextField {...props} type="file" />;
}

/** Radio buttons in a fieldset; each choice can carry a hint, and be disabled with its reason. */
export function RadioGroupField<V extends string>({
  legend,
  name,
  value,
  onChange,
  choices,
  error,
  hint,
}: {
  legend: string;
  name: string;
  value: V | null;
  onChange: (v: V) => void;
  choices: { value: V; label: string; hint?: string; disabled?: boolean }[];
  error?: string;
  hint?: ReactNode;
}) {
  const d = useDescribed(hint, error);
  return (
    <fieldset className={`field radio-group${error ? ' has-error' : ''}`} aria-describedby={d.describedBy}>
      <legend>{legend}</legend>
      <Messages hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
      {choices.map((c) => (
        <div key={c.value} className={`radio${c.disabled ? ' is-disabled' : ''}`}>
          <input
            type="radio"
            id={`${d.id}-${c.value}`}
            name={name}
            value={c.value}
            checked={value === c.value}
            disabled={c.disabled}
            aria-describedby={c.hint ? `${d.id}-${c.value}-hint` : undefined}
            onChange={() => onChange(c.value)}
          />
          <label htmlFor={`${d.id}-${c.value}`}>{c.label}</label>
          {c.hint && (
            <span id={`${d.id}-${c.value}-hint`} className="radio-hint">
              {c.hint}
            </span>
          )}
        </div>
      ))}
    </fieldset>
  );
}
