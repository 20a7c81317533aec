import { INDICATOR_TYPES, type IndicatorType, PUPIL_ITEM_TYPES } from '../../../../shared/observation';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { useWords } from '../../../i18n/words';
import type { DraftErrors, DraftItem, DraftScale, ItemList } from './draft';
import { SchemaMoveButtons } from './SchemaMoveButtons';

const SCALE_VALUES = Array.from({ length: 11 }, (_, i) => i);

/** One indicator or pupil-interview item: its text, its type and (for a scale) the ends and their labels. */
export function SchemaItemEditor({
  item,
  list,
  index,
  count,
  path,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  item: DraftItem;
  list: ItemList;
  index: number;
  count: number;
  /** e.g. focusAreas.0.indicators.2 */
  path: string;
  errors: DraftErrors;
  onChange: (next: DraftItem) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useWords();
  const err = (field: string) => {
    const k = errors[`${path}.${field}`];
    return k ? t(`observationLead.schema.errors.${k}`) : undefined;
  };
  const name = t(`observationLead.schema.${list === 'indicators' ? 'indicatorN' : 'pupilItemN'}`, {
    n: index + 1,
  });
  const types: readonly IndicatorType[] = list === 'indicators' ? INDICATOR_TYPES : PUPIL_ITEM_TYPES;
  const setScale = (patch: Partial<DraftScale>) => onChange({ ...item, scale: { ...item.scale, ...patch } });
  return (
    <li className="obsl-item" data-item={item.id}>
      <fieldset>
        <legend>{name}</legend>
        <TextAreaField
          label={t(`observationLead.schema.${list === 'indicators' ? 'indicatorText' : 'pupilItemText'}`)}
          rows={2}
          maxLength={500}
          value={item.text}
          error={err('text')}
          onChange={(e) => onChange({ ...item, text: e.target.value })}
        />
        <SelectField
          label={t('observationLead.schema.type')}
          value={item.type}
          error={err('type')}
          className="obsl-type"
          onChange={(e) => onChange({ ...item, type: e.target.value as IndicatorType })}
        >
          {types.map((ty) => (
            <option key={ty} value={ty}>
              {t(`observationLead.types.${ty}`)}
            </option>
          ))}
        </SelectField>
        {item.type === 'scale' && (
          <fieldset className="obsl-scale">
            <legend>{t('observationLead.schema.scale')}</legend>
            {err('scale') && <p className="field-error">{err('scale')}</p>}
            <div className="form-row">
              <SelectField
                label={t('observationLead.schema.scaleMin')}
                className="field-narrow"
                value={item.scale.min}
                onChange={(e) => setScale({ min: Number(e.target.value) })}
              >
                {SCALE_VALUES.slice(0, 10).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('observationLead.schema.scaleMinLabel')}
                optional
                maxLength={80}
                value={item.scale.minLabel}
                onChange={(e) => setScale({ minLabel: e.target.value })}
              />
            </div>
            <div className="form-row">
              <SelectField
                label={t('observationLead.schema.scaleMax')}
                className="field-narrow"
                value={item.scale.max}
                onChange={(e) => setScale({ max: Number(e.target.value) })}
              >
                {SCALE_VALUES.slice(1).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('observationLead.schema.scaleMaxLabel')}
                optional
                maxLength={80}
                value={item.scale.maxLabel}
                onChange={(e) => setScale({ maxLabel: e.target.value })}
              />
            </div>
          </fieldset>
        )}
        <SchemaMoveButtons
          id={item.id}
          index={index}
          count={count}
          name={name}
          onMove={onMove}
          onRemove={onRemove}
          removeLabel={t('observationLead.schema.remove')}
          canRemove={list === 'pupilItems' || count > 1}
        />
      </fieldset>
    </li>
  );
}
