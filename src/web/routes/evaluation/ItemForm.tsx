import { type FormEvent, useEffect, useRef, useState } from 'react';
import { MEETING_KINDS } from '../../../shared/evaluation';
import { ApiError } from '../../api/client';
import { createItem, updateItem, type Wheel, type WheelItem, type WheelPlan } from '../../api/evaluation';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useWords } from '../../i18n/words';

const FIELDS = [
  'plan',
  'title',
  'kind',
  'groups',
  'responsibleId',
  'responsibleText',
  'collectFrom',
  'collectTo',
  'analyseOn',
  'meetingKind',
  'meetingTeamId',
  'note',
  'remindCollectDays',
  'remindAnalysisDays',
] as const;

const planKey = (p: { scope: string; ownerId: string }) => `${p.scope}:${p.ownerId}`;

/**
 * Adding or editing an item (issue 17 part 1): the whole item at once. Editing sends the version it started from;
 * when someone saved meanwhile the server's 409 says so and shows the other version, and the form keeps what was
 * typed so it can be saved again on top.
 */
export function ItemForm({
  wheel,
  item,
  plans,
  onDone,
  onCancel,
}: {
  wheel: Wheel;
  /** The item being edited; null when adding. */
  item: WheelItem | null;
  /** The plans one may add to. */
  plans: WheelPlan[];
  onDone: (message: 'created' | 'saved') => void;
  onCancel: () => void;
}) {
  const { t } = useWords(
    wheel.owner.scope === 'institution' ? wheel.owner.id : null,
    wheel.owner.words ?? undefined,
  );
  const form = useForm(FIELDS);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(item?.version ?? 1);
  const [stale, setStale] = useState<string | null>(null);
  const [analyse, setAnalyse] = useState(item?.analyseOn ?? '');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const days = (k: string) => (s(k) === '' ? null : Number(s(k)));
    const errors = {
      title: s('title') ? undefined : t('evaluation.form.required'),
      collectFrom: s('collectFrom') ? undefined : t('evaluation.form.dates'),
      collectTo: s('collectTo') ? undefined : t('evaluation.form.dates'),
    };
    if (form.invalid(errors)) return;
    const fields = {
      title: s('title'),
      kind: s('kind') as WheelItem['kind'],
      groups: s('groups'),
      responsibleId: s('responsibleId') || null,
      responsibleText: s('responsibleText'),
      collectFrom: s('collectFrom'),
      collectTo: s('collectTo'),
      analyseOn: s('analyseOn') || null,
      meetingKind: (s('meetingKind') || null) as WheelItem['meetingKind'],
      meetingTeamId: s('meetingTeamId') || null,
      note: s('note'),
      remindCollectDays: days('remindCollectDays'),
      remindAnalysisDays: days('remindAnalysisDays'),
    };
    setBusy(true);
    setStale(null);
    try {
      if (item) {
        await updateItem(item.id, { ...fields, version });
        onDone('saved');
      } else {
        const plan = plans.find((p) => planKey(p) === s('plan')) ?? plans[0];
        await createItem({
          ...fields,
          plan: { scope: plan.scope, ownerId: plan.ownerId, schoolYear: wheel.schoolYear },
        });
        onDone('created');
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'evaluation.stale') {
        // The other's version: shown, and the next save goes on top of it (what was typed stays).
        const d = Object.fromEntries(err.details.map((x) => [x.path, x.message]));
        form.reset();
        setVersion(Number(d.version));
        setStale(`${err.message} ${t('evaluation.form.stale', { title: d.title, version: d.version })}`);
      } else form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  const kinds = item && !wheel.kinds.includes(item.kind) ? [item.kind, ...wheel.kinds] : wheel.kinds;
  const teamsHere = wheel.owner.scope === 'institution' ? wheel.teams : [];
  return (
    <section className="eval-form card" aria-labelledby="eval-form-title">
      <h2 id="eval-form-title" ref={heading} tabIndex={-1}>
        {item ? t('evaluation.form.editTitle') : t('evaluation.form.addTitle')}
      </h2>
      <form ref={form.formRef} noValidate onSubmit={submit}>
        <ErrorAlert message={form.summary} />
        <ErrorAlert message={stale} />
        {!item && plans.length > 1 && (
          <SelectField label={t('evaluation.form.plan')} name="plan" defaultValue={planKey(plans[0])}>
            {plans.map((p) => (
              <option key={planKey(p)} value={planKey(p)}>
                {t(`evaluation.planName.${p.scope}`, { name: p.name })}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('evaluation.form.title')}
          name="title"
          maxLength={200}
          defaultValue={item?.title}
          error={form.errors.title}
        />
        <div className="eval-form-row">
          <SelectField
            label={t('evaluation.form.kind')}
            name="kind"
            defaultValue={item?.kind ?? kinds[0]}
            error={form.errors.kind}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`evaluation.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('evaluation.form.groups')}
            hint={t('evaluation.form.groupsHint')}
            name="groups"
            maxLength={200}
            optional
            defaultValue={item?.groups}
            error={form.errors.groups}
          />
        </div>
        <div className="eval-form-row">
          <SelectField
            label={t('evaluation.form.responsible')}
            name="responsibleId"
            optional
            defaultValue={item?.responsible?.id ?? ''}
            error={form.errors.responsibleId}
          >
            <option value="">{t('evaluation.form.noResponsible')}</option>
            {wheel.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('evaluation.form.responsibleText')}
            hint={t('evaluation.form.responsibleTextHint')}
            name="responsibleText"
            maxLength={120}
            optional
            defaultValue={item?.responsibleText}
          />
        </div>
        <div className="eval-form-row">
          <TextField
            type="date"
            label={t('evaluation.form.collectFrom')}
            name="collectFrom"
            min={wheel.from}
            max={wheel.to}
            defaultValue={item?.collectFrom}
            error={form.errors.collectFrom}
          />
          <TextField
            type="date"
            label={t('evaluation.form.collectTo')}
            name="collectTo"
            min={wheel.from}
            max={wheel.to}
            defaultValue={item?.collectTo}
            error={form.errors.collectTo}
          />
        </div>
        <div className="eval-form-row">
          <TextField
            type="date"
            label={t('evaluation.form.analyseOn')}
            hint={t('evaluation.form.analyseHint')}
            name="analyseOn"
            optional
            min={wheel.from}
            max={wheel.to}
            value={analyse}
            onChange={(e) => setAnalyse(e.currentTarget.value)}
            error={form.errors.analyseOn}
          />
          <SelectField
            label={t('evaluation.form.meetingKind')}
            name="meetingKind"
            optional
            disabled={!analyse}
            defaultValue={item?.meetingKind ?? ''}
          >
            <option value="">{t('evaluation.form.noMeeting')}</option>
            {MEETING_KINDS.map((m) => (
              <option key={m} value={m}>
                {t(`evaluation.meetings.${m}`)}
              </option>
            ))}
          </SelectField>
          {teamsHere.length > 0 && (
            <SelectField
              label={t('evaluation.form.meetingTeam')}
              name="meetingTeamId"
              optional
              disabled={!analyse}
              defaultValue={item?.meetingTeam?.id ?? ''}
              error={form.errors.meetingTeamId}
            >
              <option value="">{t('evaluation.form.noTeam')}</option>
              {teamsHere.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <div className="eval-form-row">
          <TextField
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            label={t('evaluation.form.remindCollect')}
            name="remindCollectDays"
            optional
            defaultValue={item ? (item.remindCollectDays ?? '') : 7}
            error={form.errors.remindCollectDays}
          />
          <TextField
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            label={t('evaluation.form.remindAnalysis')}
            name="remindAnalysisDays"
            optional
            disabled={!analyse}
            defaultValue={item ? (item.remindAnalysisDays ?? '') : 2}
            error={form.errors.remindAnalysisDays}
          />
        </div>
        <p className="hint">{t('evaluation.form.remindHint')}</p>
        <TextAreaField
          label={t('evaluation.form.note')}
          name="note"
          rows={3}
          maxLength={2000}
          optional
          defaultValue={item?.note}
          error={form.errors.note}
        />
        <div className="page-actions">
          <Button type="submit" busy={busy}>
            {item ? t('evaluation.form.save') : t('evaluation.form.create')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('evaluation.form.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
