import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_LIMITS as L, SURVEY_DIMENSIONS, SURVEY_ITEM_KINDS } from '../../../../shared/survey';
import type { ItemFields, SurveyItem } from '../../../api/survey-admin';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialogs';
import { SelectField, TextAreaField } from '../../../components/Field';
import { useForm } from '../../../components/useForm';

const FIELDS = ['kind', 'dimension', 'textDa', 'textEn'] as const;

/** A question's kind and dimension as a short line: "Skala · Tillid og samhørighed" or "Fritekst". */
export function ItemMeta({ item }: { item: Pick<SurveyItem, 'kind' | 'dimension'> }) {
  const { t } = useTranslation();
  return (
    <span className="survey-item-meta">
      {t(`surveyAdmin.kind.${item.kind}`)}
      {item.dimension && ` · ${t(`surveyAdmin.dimension.${item.dimension}`)}`}
    </span>
  );
}

/** Adding or changing a question: kind, dimension (scale questions only), Danish and English text. */
export function ItemForm({
  item,
  onSave,
  onCancel,
}: {
  /** The question changed; null when adding. */
  item: SurveyItem | null;
  onSave: (fields: ItemFields) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const [kind, setKind] = useState<SurveyItem['kind']>(item?.kind ?? 'scale');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (item) heading.current?.focus();
  }, [item]);
  const idBase = item ? `survey-item-${item.id}` : 'survey-item-new';

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const el = e.currentTarget;
    const f = new FormData(el);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    if (form.invalid({ textDa: s('textDa') ? undefined : t('surveyAdmin.editor.textMissing') })) return;
    setBusy(true);
    try {
      await onSave({
        kind,
        dimension: kind === 'scale' ? ((s('dimension') || null) as SurveyItem['dimension']) : null,
        textDa: s('textDa'),
        textEn: s('textEn'),
      });
      form.reset();
      if (!item) {
        el.reset();
        setKind('scale');
      }
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form.formRef}
      className={`stack survey-item-form${item ? ' is-editing' : ' card'}`}
      noValidate
      onSubmit={submit}
      aria-labelledby={`${idBase}-title`}
    >
      <h3 id={`${idBase}-title`} ref={heading} tabIndex={-1}>
        {item ? t('surveyAdmin.editor.editItem') : t('surveyAdmin.editor.addItem')}
      </h3>
      <ErrorAlert message={form.summary} />
      <div className="form-row">
        <SelectField
          name="kind"
          label={t('surveyAdmin.editor.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as SurveyItem['kind'])}
          error={form.errors.kind}
        >
          {SURVEY_ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`surveyAdmin.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        {kind === 'scale' && (
          <SelectField
            name="dimension"
            label={t('surveyAdmin.editor.dimension')}
            defaultValue={item?.dimension ?? ''}
            optional
            error={form.errors.dimension}
          >
            <option value="">{t('surveyAdmin.editor.noDimension')}</option>
            {SURVEY_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`surveyAdmin.dimension.${d}`)}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <TextAreaField
        name="textDa"
        rows={3}
        label={t('surveyAdmin.editor.textDa')}
        hint={kind === 'scale' ? t('surveyAdmin.editor.textScaleHint') : t('surveyAdmin.editor.textTextHint')}
        maxLength={L.itemText}
        defaultValue={item?.textDa ?? ''}
        error={form.errors.textDa}
      />
      <TextAreaField
        name="textEn"
        rows={3}
        lang="en"
        label={t('surveyAdmin.editor.textEn')}
        hint={t('surveyAdmin.editor.textEnHint')}
        optional
        maxLength={L.itemText}
        defaultValue={item?.textEn ?? ''}
        error={form.errors.textEn}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {item ? t('common.save') : t('surveyAdmin.editor.add')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** One question of a draft: its text and kind, moved up or down, changed or deleted. */
export function ItemRow({
  item,
  index,
  count,
  onMove,
  onSave,
  onDelete,
}: {
  item: SurveyItem;
  index: number;
  count: number;
  onMove: (step: -1 | 1) => Promise<void>;
  onSave: (fields: ItemFields) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const move = async (step: -1 | 1) => {
    if (moving) return;
    setMoving(true);
    try {
      await onMove(step);
    } finally {
      setMoving(false);
    }
  };
  const context = t('surveyAdmin.editor.itemNumber', { n: index + 1 });
  return (
    <li className="survey-item" id={`survey-item-${item.id}`}>
      <span className="survey-item-number" aria-hidden="true">
        {index + 1}.
      </span>
      <div className="survey-item-body">
        <p className="survey-item-text">
          <span className="sr-only">{context}: </span>
          {item.textDa}
        </p>
        {item.textEn && (
          <p className="muted survey-item-en" lang="en">
            {item.textEn}
          </p>
        )}
        <ItemMeta item={item} />
        {editing ? (
          <ItemForm
            item={item}
            onSave={async (fields) => {
              await onSave(fields);
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
            onCancel={() => {
              setEditing(false);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
          />
        ) : (
          <div className="page-actions survey-item-actions">
            <Button
              variant="secondary"
              id={`survey-item-${item.id}-up`}
              disabled={index === 0}
              busy={moving}
              onClick={() => move(-1)}
            >
              <span aria-hidden="true">↑ </span>
              {t('surveyAdmin.editor.up')}
              <span className="sr-only"> {context}</span>
            </Button>
            <Button
              variant="secondary"
              id={`survey-item-${item.id}-down`}
              disabled={index === count - 1}
              busy={moving}
              onClick={() => move(1)}
            >
              <span aria-hidden="true">↓ </span>
              {t('surveyAdmin.editor.down')}
              <span className="sr-only"> {context}</span>
            </Button>
            <button
              type="button"
              className="btn btn-secondary"
              ref={editButton}
              onClick={() => setEditing(true)}
            >
              {t('surveyAdmin.editor.edit')}
              <span className="sr-only"> {context}</span>
            </button>
            <ConfirmDialog
              triggerLabel={t('surveyAdmin.editor.delete')}
              triggerContext={context}
              title={t('surveyAdmin.editor.deleteTitle')}
              confirmLabel={t('surveyAdmin.editor.delete')}
              onConfirm={onDelete}
            >
              <p>{item.textDa}</p>
            </ConfirmDialog>
          </div>
        )}
      </div>
    </li>
  );
}
