import { type FocusArea, GRADE_MAX, GRADE_MIN } from '../../../../shared/observation';
import { SelectField, TextField } from '../../../components/Field';
import { useWords } from '../../../i18n/words';
import { gradeLabel } from '../data/format';
import '../observation.css';

/**
 * The fields every visit has — date, class, subject, grade and focus areas — for planning a visit (class and
 * grade required) and for a self-observation (both optional). Uncontrolled: read them with readVisitFields.
 */

const GRADES = Array.from({ length: GRADE_MAX - GRADE_MIN + 1 }, (_, i) => GRADE_MIN + i);
/** Server limits (visit-routes, self-routes). */
const CLASS_MAX = 40;
const SUBJECT_MAX = 80;
const NO_GRADE = 'none';

export const VISIT_FIELDS = ['plannedFor', 'classLabel', 'subject', 'grade', 'focusAreaKeys'] as const;

/** Today as yyyy-mm-dd in local time. */
const today = () => new Date().toLocaleDateString('sv-SE');

export type VisitFieldValues = {
  plannedFor: string;
  classLabel: string;
  subject: string;
  /** null: no grade; undefined: none chosen. */
  grade: number | null | undefined;
  focusAreaKeys: string[];
};

export function readVisitFields(data: FormData): VisitFieldValues {
  const s = (k: string) => String(data.get(k) ?? '').trim();
  const grade = s('grade');
  return {
    plannedFor: s('plannedFor'),
    classLabel: s('classLabel'),
    subject: s('subject'),
    grade: grade === NO_GRADE ? null : grade === '' ? undefined : Number(grade),
    focusAreaKeys: data.getAll('focusAreaKeys').map(String),
  };
}

export function VisitFields({
  institutionId,
  areas,
  required,
  errors,
}: {
  /** Whose words the fields speak (a dagtilbud has læreplanstemaer and no klassetrin). */
  institutionId: string;
  areas: FocusArea[];
  /** Planning: class and grade must be given (grade may be "no grade"). */
  required: boolean;
  errors: Partial<Record<(typeof VISIT_FIELDS)[number], string>>;
}) {
  const { t, kind } = useWords(institutionId);
  return (
    <>
      <div className="form-row">
        <TextField
          label={t('observation.fields.date')}
          name="plannedFor"
          type="date"
          defaultValue={today()}
          error={errors.plannedFor}
          className="field-narrow"
        />
        <TextField
          label={t('observation.fields.classLabel')}
          hint={t('observation.fields.classHint')}
          name="classLabel"
          optional={!required}
          maxLength={CLASS_MAX}
          error={errors.classLabel}
        />
      </div>
      <div className="form-row">
        <TextField
          label={t('observation.fields.subject')}
          hint={t('observation.fields.subjectHint')}
          name="subject"
          optional
          maxLength={SUBJECT_MAX}
          error={errors.subject}
        />
        {kind !== 'skole' ? (
          // Klassetrin are a school's: a dagtilbud's or a klub's visit has none.
          <input type="hidden" name="grade" value={NO_GRADE} />
        ) : (
          <SelectField
            label={t('observation.fields.grade')}
            name="grade"
            optional={!required}
            defaultValue=""
            error={errors.grade}
          >
            <option value="" disabled={required}>
              {required ? t('common.choose') : gradeLabel(null)}
            </option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {gradeLabel(g)}
              </option>
            ))}
            {required && <option value={NO_GRADE}>{gradeLabel(null)}</option>}
          </SelectField>
        )}
      </div>
      {areas.length > 0 && (
        <fieldset className="checkbox-group obs-fieldset">
          <legend>{t('observation.fields.focusAreas')}</legend>
          <p className="hint">{t('observation.fields.focusHint')}</p>
          {errors.focusAreaKeys && <p className="field-error">{errors.focusAreaKeys}</p>}
          {areas.map((a) => (
            <div key={a.key} className="checkbox">
              <input type="checkbox" id={`obs-fa-${a.key}`} name="focusAreaKeys" value={a.key} />
              <label htmlFor={`obs-fa-${a.key}`}>{a.title}</label>
            </div>
          ))}
        </fieldset>
      )}
    </>
  );
}
