import { useId } from 'react';
import { COUNT_MAX, type Indicator, type PupilItem, TEXT_ANSWER_MAX } from '../../../../shared/observation';
import type { Answer } from '../../../api/observation';
import { useWords } from '../../../i18n/words';

/** One item of the schema as a large touch control: scale, yes/no, count with steppers, or free text. */

type Value = Answer['value'];
type Props = {
  item: Indicator | PupilItem;
  /** Distinguishes the same item asked of several pupils. */
  idSuffix: string;
  value: Value | undefined;
  onChange: (v: Value) => void;
};

export function ItemInput(props: Props) {
  switch (props.item.type) {
    case 'scale':
      return <ScaleItem {...props} />;
    case 'yesno':
      return <YesNoItem {...props} />;
    case 'count':
      return <CountItem {...props} />;
    default:
      return <TextItem {...props} />;
  }
}

function Clear({ show, onClear, text }: { show: boolean; onClear: () => void; text: string }) {
  const { t } = useWords();
  if (!show) return null;
  return (
    <button type="button" className="btn btn-link obs-clear" onClick={onClear}>
      {t('observation.conduct.clear')}
      <span className="sr-only">: {text}</span>
    </button>
  );
}

function Choices({
  item,
  idSuffix,
  choices,
  value,
  onChange,
  describedBy,
  wide,
}: Props & { choices: { value: number | boolean; label: string }[]; describedBy?: string; wide?: boolean }) {
  const id = useId();
  const name = `${item.key}-${idSuffix}`;
  return (
    <div
      className={`obs-choices${wide ? ' obs-choices-wide' : choices.length <= 7 ? ' obs-choices-row' : ''}`}
    >
      {choices.map((c) => (
        <div key={String(c.value)} className="obs-choice">
          <input
            type="radio"
            id={`${id}-${String(c.value)}`}
            name={name}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
            aria-describedby={describedBy}
          />
          <label htmlFor={`${id}-${String(c.value)}`}>{c.label}</label>
        </div>
      ))}
    </div>
  );
}

function ScaleItem(props: Props) {
  const { t } = useWords();
  const id = useId();
  const scale = props.item.scale ?? { min: 1, max: 5, minLabel: '', maxLabel: '' };
  const choices = [];
  for (let v = scale.min; v <= scale.max; v++) choices.push({ value: v, label: String(v) });
  const ends = scale.minLabel || scale.maxLabel;
  return (
    <fieldset className="obs-item">
      <legend className="obs-item-text">{props.item.text}</legend>
      <Choices {...props} choices={choices} describedBy={ends ? `${id}-ends` : undefined} />
      {ends && (
        <p id={`${id}-ends`} className="obs-scale-ends">
          <span>
            <span className="sr-only">{t('observation.conduct.scaleEnd', { n: scale.min })} </span>
            {scale.minLabel}
          </span>
          <span>
            <span className="sr-only">{t('observation.conduct.scaleEnd', { n: scale.max })} </span>
            {scale.maxLabel}
          </span>
        </p>
      )}
      <Clear
        show={typeof props.value === 'number'}
        onClear={() => props.onChange(null)}
        text={props.item.text}
      />
    </fieldset>
  );
}

function YesNoItem(props: Props) {
  const { t } = useWords();
  return (
    <fieldset className="obs-item">
      <legend className="obs-item-text">{props.item.text}</legend>
      <Choices
        {...props}
        wide
        choices={[
          { value: true, label: t('observation.answer.yes') },
          { value: false, label: t('observation.answer.no') },
        ]}
      />
      <Clear
        show={typeof props.value === 'boolean'}
        onClear={() => props.onChange(null)}
        text={props.item.text}
      />
    </fieldset>
  );
}

function CountItem({ item, value, onChange }: Props) {
  const { t } = useWords();
  const id = useId();
  const n = typeof value === 'number' ? value : null;
  const set = (v: number) => onChange(Math.max(0, Math.min(COUNT_MAX, v)));
  return (
    <div className="obs-item">
      <label htmlFor={`${id}-input`} className="obs-item-text">
        {item.text}
      </label>
      <div className="obs-stepper">
        <button
          type="button"
          className="btn btn-secondary obs-step-btn"
          onClick={() => set((n ?? 0) - 1)}
          disabled={!n}
          aria-label={t('observation.conduct.minus', { text: item.text })}
        >
          −
        </button>
        <input
          id={`${id}-input`}
          type="number"
          inputMode="numeric"
          min={0}
          max={COUNT_MAX}
          value={n ?? ''}
          placeholder="0"
          onChange={(e) => (e.target.value === '' ? onChange(null) : set(Math.floor(Number(e.target.value))))}
        />
        <button
          type="button"
          className="btn btn-secondary obs-step-btn"
          onClick={() => set((n ?? 0) + 1)}
          aria-label={t('observation.conduct.plus', { text: item.text })}
        >
          +
        </button>
      </div>
    </div>
  );
}

function TextItem({ item, value, onChange }: Props) {
  const id = useId();
  return (
    <div className="obs-item">
      <label htmlFor={id} className="obs-item-text">
        {item.text}
      </label>
      <textarea
        id={id}
        rows={3}
        maxLength={TEXT_ANSWER_MAX}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      />
    </div>
  );
}
