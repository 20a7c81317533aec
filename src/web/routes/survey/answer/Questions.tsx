import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScaleAnswer } from './draft';
import type { FormItem } from './steps';

const CHOICES: ScaleAnswer[] = [1, 2, 3, 4, 5, 'dk'];

/** One statement on the agreement scale: a fieldset whose legend is the statement, six big radio choices. */
export function ScaleQuestion({
  item,
  number,
  value,
  onChange,
}: {
  item: FormItem;
  number: number;
  value: ScaleAnswer | undefined;
  onChange: (v: ScaleAnswer) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="sv-question">
      <legend>
        <span className="sv-number">{number}.</span> {item.text}
      </legend>
      <div className="sv-choices">
        {CHOICES.map((c) => (
          <div key={c} className={`sv-choice${c === 'dk' ? ' sv-choice-dk' : ''}`}>
            <input
              type="radio"
              id={`${id}-${c}`}
              name={`q-${item.id}`}
              value={String(c)}
              checked={value === c}
              onChange={() => onChange(c)}
            />
            <label htmlFor={`${id}-${c}`}>{t(`survey.scale.${c}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** An open question: a textarea with a counter of characters left (read on request, not at every key). */
export function TextQuestion({
  item,
  value,
  max,
  onChange,
}: {
  item: FormItem;
  value: string;
  max: number;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field sv-text">
      <label htmlFor={id}>
        {item.text}
        <span className="optional"> {t('common.optional')}</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('survey.answer.textHint')}
      </p>
      <textarea
        id={id}
        rows={4}
        maxLength={max}
        value={value}
        aria-describedby={`${id}-hint ${id}-count`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-count`} className={`sv-count${value.length > max * 0.9 ? ' is-near' : ''}`}>
        {t('survey.answer.count', { used: value.length, max })}
      </p>
    </div>
  );
}
