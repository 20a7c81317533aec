import { useTranslation } from 'react-i18next';
import { AGE_BANDS, type AgeBand, PILLARS, type Pillar } from '../../../shared/catalogue';
import { setMetadata, useTaxonomy } from '../../api/catalogue';
import { usePillarLabel } from '../../api/pillars';
import { useVideoMutation, type VideoView } from '../../api/videos';
import { Loading, RequestError } from '../../components/Alert';
import { FormDialog } from '../../components/Dialogs';
import { SelectField } from '../../components/Field';
import { useWords } from '../../i18n/words';

export const MAX_METHODS = 10;

/** A group of checkboxes in a fieldset, with an error under the legend. */
export function CheckboxGroup({
  legend,
  name,
  hint,
  error,
  choices,
  checked,
}: {
  legend: string;
  name: string;
  hint?: string;
  error?: string;
  choices: { value: string; label: string }[];
  checked: string[];
}) {
  const { t } = useTranslation();
  const id = `cg-${name}`;
  return (
    <fieldset
      className={`field checkbox-group catalogue-checks${error ? ' has-error' : ''}`}
      aria-describedby={[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined}
    >
      <legend>
        {legend} <span className="optional">{t('common.optional')}</span>
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="sr-only">{t('common.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="catalogue-check-grid">
        {choices.map((c) => (
          <label key={c.value} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={c.value}
              defaultChecked={checked.includes(c.value)}
              aria-invalid={error ? true : undefined}
            />{' '}
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The metadata request from a form of MetadataFields. */
export const metadataBody = (d: FormData) => ({
  subjectId: String(d.get('subjectId') ?? '') || null,
  ageBand: (String(d.get('ageBand') ?? '') || null) as AgeBand | null,
  methodIds: d.getAll('methodIds').map(String),
  pillars: d.getAll('pillars').map(String) as Pillar[],
});

/** At most MAX_METHODS methods: the error for the methods field, or undefined. */
export function useMetadataCheck() {
  const { t } = useTranslation();
  return (d: FormData) => ({
    methodIds:
      d.getAll('methodIds').length > MAX_METHODS
        ? t('catalogue.tooManyMethods', { max: MAX_METHODS })
        : undefined,
  });
}

/** Subject, age band, methods and pillars as form fields (the dialog below, and the walk-through's step). */
export function MetadataFields({
  video,
  errors,
}: {
  video: VideoView;
  errors: Partial<Record<'subjectId' | 'ageBand' | 'methodIds' | 'pillars', string>>;
}) {
  const { t } = useTranslation();
  const pillarLabel = usePillarLabel();
  // "Fag" in a school's video, "Læreplanstema" in a dagtilbud's (vocabulary.ts).
  const words = useWords(video.institutionId);
  const terms = useTaxonomy();
  const c = video.catalogue;
  const subjects = terms.data?.items.filter((i) => i.kind === 'subject') ?? [];
  const methods = terms.data?.items.filter((i) => i.kind === 'method') ?? [];
  if (terms.isPending) return <Loading />;
  if (terms.isError) return <RequestError error={terms.error} />;
  return (
    <>
      <SelectField
        label={words.t('catalogue.fields.subject')}
        name="subjectId"
        optional
        defaultValue={c.subject?.id ?? ''}
        error={errors.subjectId}
      >
        <option value="">{t('catalogue.noSubject')}</option>
        {subjects.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('catalogue.fields.ageBand')}
        name="ageBand"
        optional
        defaultValue={c.ageBand ?? ''}
        error={errors.ageBand}
      >
        <option value="">{t('catalogue.noAgeBand')}</option>
        {AGE_BANDS.map((a) => (
          <option key={a} value={a}>
            {t(`catalogue.ageBand.${a}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxGroup
        legend={t('catalogue.fields.methods')}
        name="methodIds"
        hint={t('catalogue.methodsHint', { max: MAX_METHODS })}
        error={errors.methodIds}
        choices={methods.map((m) => ({ value: m.id, label: m.label }))}
        checked={c.methods.map((m) => m.id)}
      />
      <CheckboxGroup
        legend={t('catalogue.fields.pillars')}
        name="pillars"
        error={errors.pillars}
        choices={PILLARS.map((p) => ({ value: p, label: pillarLabel(p) }))}
        checked={c.pillars}
      />
    </>
  );
}

/** Subject, age band, methods and PLF pillars of a video, in a dialog (owner; editors in the catalogue workflow). */
export function MetadataDialog({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const check = useMetadataCheck();
  const save = useVideoMutation(video.id, (d: FormData) => setMetadata(video.id, metadataBody(d)));
  return (
    <FormDialog
      triggerLabel={t('catalogue.edit')}
      title={t('catalogue.editTitle')}
      submitLabel={t('common.save')}
      fields={['subjectId', 'ageBand', 'methodIds', 'pillars'] as const}
      validate={check}
      onSubmit={(d) => save.mutateAsync(d)}
    >
      {(errors) => <MetadataFields video={video} errors={errors} />}
    </FormDialog>
  );
}
