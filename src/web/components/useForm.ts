import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../api/client';

export type Errors<F extends string> = Partial<Record<F, string>>;

/** Field errors + a summary for a form; focuses the first invalid field after an error. */
export function useForm<F extends string>(fields: readonly F[]) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors<F>>({});
  const [summary, setSummary] = useState<string | null>(null);

  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  return {
    formRef,
    errors,
    summary,
    /** Client-side validation failed. Returns true if there were errors. */
    invalid(errs: Errors<F>): boolean {
      const has = Object.values(errs).some(Boolean);
      setErrors(errs);
      setSummary(has ? t('errors.checkFields') : null);
      if (has) focusFirstInvalid();
      return has;
    },
    /** The server refused: show its message and put details on the fields. */
    failed(err: unknown) {
      const fe = fieldErrors(err, fields as readonly string[] as string[]) as Errors<F>;
      setErrors(fe);
      setSummary(errorMessage(err));
      if (Object.keys(fe).length) focusFirstInvalid();
    },
    reset() {
      setErrors({});
      setSummary(null);
    },
  };
}

export const isEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());
