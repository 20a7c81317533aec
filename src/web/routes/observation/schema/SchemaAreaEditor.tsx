import { Button } from '../../../components/Button';
import { TextAreaField, TextField } from '../../../components/Field';
import { useWords } from '../../../i18n/words';
import {
  type DraftArea,
  type DraftErrors,
  type DraftItem,
  type ItemList,
  MAX_PER_LIST,
  move,
  newItem,
} from './draft';
import { SchemaItemEditor } from './SchemaItemEditor';
import { focusAfterMove, SchemaMoveButtons } from './SchemaMoveButtons';

/** One learning focus area: title, description, its indicators and its pupil-interview items. */
export function SchemaAreaEditor({
  area,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
  announce,
}: {
  area: DraftArea;
  index: number;
  count: number;
  errors: DraftErrors;
  onChange: (next: DraftArea) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  announce: (message: string) => void;
}) {
  const { t } = useWords();
  const path = `focusAreas.${index}`;
  const err = (field: string) => {
    const k = errors[`${path}.${field}`];
    return k ? t(`observationLead.schema.errors.${k}`) : undefined;
  };
  const heading = t('observationLead.schema.areaN', { n: index + 1 });
  const headingId = `${area.id}-heading`;

  const setList = (list: ItemList, items: DraftItem[]) => onChange({ ...area, [list]: items });
  const listEditor = (list: ItemList) => {
    const items = area[list];
    const label = t(`observationLead.schema.${list}`);
    return (
      <section className="obsl-items" aria-labelledby={`${area.id}-${list}`}>
        <h4 id={`${area.id}-${list}`}>{label}</h4>
        {list === 'pupilItems' && <p className="hint">{t('observationLead.schema.pupilItemsHint')}</p>}
        {err(list) && <p className="field-error">{err(list)}</p>}
        {items.length === 0 ? (
          <p className="muted">{t('observationLead.schema.noPupilItems')}</p>
        ) : (
          <ol className="plain-list obsl-item-list">
            {items.map((item, i) => (
              <SchemaItemEditor
                key={item.id}
                item={item}
                list={list}
                index={i}
                count={items.length}
                path={`${path}.${list}.${i}`}
                errors={errors}
                onChange={(next) =>
                  setList(
                    list,
                    items.map((x) => (x.id === item.id ? next : x)),
                  )
                }
                onMove={(delta) => {
                  setList(list, move(items, i, delta));
                  focusAfterMove(item.id, delta);
                  announce(t('observationLead.schema.moved', { n: i + 1 + delta, count: items.length }));
                }}
                onRemove={() => {
                  setList(
                    list,
                    items.filter((x) => x.id !== item.id),
                  );
                  announce(t('observationLead.schema.removed'));
                }}
              />
            ))}
          </ol>
        )}
        {items.length < MAX_PER_LIST[list] && (
          <Button
            variant="secondary"
            onClick={() => {
              const added = newItem(list === 'indicators' ? 'scale' : 'text');
              setList(list, [...items, added]);
              requestAnimationFrame(() =>
                document.querySelector<HTMLTextAreaElement>(`[data-item="${added.id}"] textarea`)?.focus(),
              );
            }}
          >
            {t(`observationLead.schema.${list === 'indicators' ? 'addIndicator' : 'addPupilItem'}`)}
            <span className="sr-only"> ({area.title || heading})</span>
          </Button>
        )}
      </section>
    );
  };

  return (
    <li className="card obsl-area" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {heading}
        {area.title.trim() && <span className="obsl-area-title">: {area.title}</span>}
      </h3>
      <TextField
        label={t('observationLead.schema.areaTitle')}
        maxLength={200}
        value={area.title}
        error={err('title')}
        onChange={(e) => onChange({ ...area, title: e.target.value })}
      />
      <TextAreaField
        label={t('observationLead.schema.areaDescription')}
        optional
        rows={3}
        maxLength={2000}
        value={area.description}
        onChange={(e) => onChange({ ...area, description: e.target.value })}
      />
      {listEditor('indicators')}
      {listEditor('pupilItems')}
      <SchemaMoveButtons
        id={area.id}
        index={index}
        count={count}
        name={heading}
        onMove={onMove}
        onRemove={onRemove}
        removeLabel={t('observationLead.schema.removeArea')}
        canRemove={count > 1}
      />
    </li>
  );
}
