import { type FormEvent, useId, useState } from 'react';
import { schoolYearLabel, schoolYearOf } from '../../../../shared/progression';
import {
  type Area,
  createArea,
  createPeriod,
  deletePeriod,
  type ProgressionSetup,
  updateArea,
  updatePeriod,
  useProgressionRefresh,
} from '../../../api/progression';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog, FormDialog } from '../../../components/Dialogs';
import { TextField } from '../../../components/Field';
import { useForm } from '../../../components/useForm';
import type { WordsT } from '../../../i18n/words';
import { byStart } from '../counts';
import { formatDay } from '../status';

/** The areas the institution follows (læsning, trivsel …): add, rename, order, archive. */
export function AreasSection({ setup, t }: { setup: ProgressionSetup; t: WordsT }) {
  const id = useId();
  const refresh = useProgressionRefresh();
  const [error, setError] = useState<unknown>(null);
  const areas = [...setup.areas].sort((a, b) => a.position - b.position);
  const active = areas.filter((a) => !a.archived);
  const archived = areas.filter((a) => a.archived);

  async function act(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      await refresh();
    } catch (err) {
      setError(err);
    }
  }
  // Swap positions with the neighbour (positions are rewritten 0…n so gaps or ties never block a move).
  const swap = (i: number, j: number) =>
    act(async () => {
      const order = [...active];
      [order[i], order[j]] = [order[j], order[i]];
      for (const [pos, a] of order.entries())
        if (a.position !== pos) await updateArea(a.id, { position: pos });
    });

  return (
    <section className="card prog-setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('progression.setup.areas')}</h2>
      <p className="hint">{t('progression.setup.areasIntro')}</p>
      <ErrorAlert message={error ? (error as Error).message : null} />
      <ol className="link-list prog-setup-list" aria-labelledby={`${id}-h`}>
        {active.map((a, i) => (
          <li key={a.id}>
            <span>{a.name}</span>
            <span className="actions">
              <Button variant="secondary" disabled={i === 0} onClick={() => swap(i, i - 1)}>
                {t('progression.setup.up')}
                <span className="sr-only"> {a.name}</span>
              </Button>
              <Button variant="secondary" disabled={i === active.length - 1} onClick={() => swap(i, i + 1)}>
                {t('progression.setup.down')}
                <span className="sr-only"> {a.name}</span>
              </Button>
              <RenameArea area={a} t={t} onDone={refresh} />
              <Button variant="secondary" onClick={() => act(() => updateArea(a.id, { archived: true }))}>
                {t('progression.setup.archive')}
                <span className="sr-only"> {a.name}</span>
              </Button>
            </span>
          </li>
        ))}
      </ol>
      {archived.length > 0 && (
        <>
          <h3>{t('progression.setup.archived')}</h3>
          <ul className="link-list prog-setup-list">
            {archived.map((a) => (
              <li key={a.id}>
                <span className="muted">{a.name}</span>
                <Button variant="secondary" onClick={() => act(() => updateArea(a.id, { archived: false }))}>
                  {t('progression.setup.restore')}
                  <span className="sr-only"> {a.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <NameForm
        label={t('progression.setup.areaName')}
        submit={t('progression.setup.addArea')}
        onSubmit={async (name) => {
          await createArea(setup.institution.id, { name });
          await refresh();
        }}
        t={t}
      />
    </section>
  );
}

function RenameArea({ area, t, onDone }: { area: Area; t: WordsT; onDone: () => Promise<unknown> }) {
  return (
    <FormDialog
      triggerLabel={t('progression.setup.rename')}
      triggerContext={area.name}
      title={t('progression.setup.renameTitle', { name: area.name })}
      submitLabel={t('common.save')}
      fields={['name'] as const}
      onSubmit={async (data) => {
        await updateArea(area.id, { name: String(data.get('name') ?? '') });
        await onDone();
      }}
    >
      {(errors) => (
        <TextField
          name="name"
          label={t('progression.setup.areaName')}
          defaultValue={area.name}
          error={errors.name}
        />
      )}
    </FormDialog>
  );
}

function NameForm({
  label,
  submit,
  onSubmit,
  t,
}: {
  label: string;
  submit: string;
  onSubmit: (name: string) => Promise<unknown>;
  t: WordsT;
}) {
  const form = useForm(['name'] as const);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  async function send(e: FormEvent) {
    e.preventDefault();
    if (form.invalid({ name: name.trim() ? undefined : t('progression.setup.nameMissing') })) return;
    setBusy(true);
    try {
      await onSubmit(name.trim());
      setName('');
      form.reset();
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form ref={form.formRef} onSubmit={send} noValidate className="inline-form">
      <ErrorAlert message={form.summary} />
      <div className="form-row">
        <TextField
          label={label}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.errors.name}
        />
      </div>
      <Button type="submit" busy={busy}>
        {submit}
      </Button>
    </form>
  );
}

/** Assessment periods (e.g. "Efterår 2026"), by school year. */
export function PeriodsSection({ setup, t }: { setup: ProgressionSetup; t: WordsT }) {
  const id = useId();
  const refresh = useProgressionRefresh();
  const form = useForm(['name', 'startsOn', 'endsOn'] as const);
  const [busy, setBusy] = useState(false);
  const periods = [...setup.periods].sort(byStart).reverse();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const data = new FormData(el);
    const v = {
      name: String(data.get('name') ?? '').trim(),
      startsOn: String(data.get('startsOn') ?? ''),
      endsOn: String(data.get('endsOn') ?? ''),
    };
    if (
      form.invalid({
        name: v.name ? undefined : t('progression.setup.nameMissing'),
        startsOn: v.startsOn ? undefined : t('progression.setup.dayMissing'),
        endsOn: !v.endsOn
          ? t('progression.setup.dayMissing')
          : v.startsOn && v.endsOn < v.startsOn
            ? t('progression.setup.endsBeforeStart')
            : undefined,
      })
    )
      return;
    setBusy(true);
    try {
      await createPeriod(setup.institution.id, v);
      el.reset();
      form.reset();
      await refresh();
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card prog-setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('progression.setup.periods')}</h2>
      <p className="hint">{t('progression.setup.periodsIntro')}</p>
      {periods.length === 0 ? (
        <p className="muted">{t('progression.setup.noPeriods')}</p>
      ) : (
        <ul className="link-list prog-setup-list" aria-labelledby={`${id}-h`}>
          {periods.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.name}</strong>
                <span className="muted prog-period-days">
                  {t('progression.setup.periodDays', {
                    from: formatDay(p.startsOn),
                    to: formatDay(p.endsOn),
                    year: schoolYearLabel(p.schoolYear),
                  })}
                </span>
              </span>
              <span className="actions">
                <FormDialog
                  triggerLabel={t('common.edit')}
                  triggerContext={p.name}
                  title={t('progression.setup.editPeriod', { name: p.name })}
                  submitLabel={t('common.save')}
                  fields={['name', 'startsOn', 'endsOn'] as const}
                  onSubmit={async (data) => {
                    await updatePeriod(p.id, {
                      name: String(data.get('name') ?? ''),
                      startsOn: String(data.get('startsOn') ?? ''),
                      endsOn: String(data.get('endsOn') ?? ''),
                    });
                    await refresh();
                  }}
                >
                  {(errors) => (
                    <>
                      <TextField
                        name="name"
                        label={t('progression.setup.periodName')}
                        defaultValue={p.name}
                        error={errors.name}
                      />
                      <TextField
                        name="startsOn"
                        type="date"
                        label={t('progression.setup.startsOn')}
                        defaultValue={p.startsOn}
                        error={errors.startsOn}
                      />
                      <TextField
                        name="endsOn"
                        type="date"
                        label={t('progression.setup.endsOn')}
                        defaultValue={p.endsOn}
                        error={errors.endsOn}
                      />
                    </>
                  )}
                </FormDialog>
                <ConfirmDialog
                  triggerLabel={t('common.delete')}
                  triggerContext={p.name}
                  title={t('progression.setup.deletePeriod', { name: p.name })}
                  confirmLabel={t('common.delete')}
                  onConfirm={async () => {
                    await deletePeriod(p.id);
                    await refresh();
                  }}
                >
                  <p>{t('progression.setup.deletePeriodIntro')}</p>
                </ConfirmDialog>
              </span>
            </li>
          ))}
        </ul>
      )}
      <form ref={form.formRef} onSubmit={submit} noValidate className="inline-form">
        <h3>{t('progression.setup.addPeriod')}</h3>
        <ErrorAlert message={form.summary} />
        <div className="form-row">
          <TextField
            name="name"
            label={t('progression.setup.periodName')}
            hint={t('progression.setup.periodHint')}
            error={form.errors.name}
          />
          <TextField
            name="startsOn"
            type="date"
            label={t('progression.setup.startsOn')}
            error={form.errors.startsOn}
          />
          <TextField
            name="endsOn"
            type="date"
            label={t('progression.setup.endsOn')}
            error={form.errors.endsOn}
          />
        </div>
        <p className="hint">
          {t('progression.setup.schoolYearRule', {
            year: schoolYearLabel(schoolYearOf(new Date().toISOString().slice(0, 10))),
          })}
        </p>
        <Button type="submit" busy={busy}>
          {t('progression.setup.addPeriod')}
        </Button>
      </form>
    </section>
  );
}
