import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INQUIRY_LIMITS } from '../../../../shared/inquiry';
import { errorMessage, fieldErrors } from '../../../api/client';
import {
  createTask,
  deleteTask,
  type NewTask,
  type Task,
  type TaskChange,
  updateTask,
  useInquiryRefresh,
} from '../../../api/inquiry';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog, FormDialog } from '../../../components/Dialogs';
import { SelectField, TextField } from '../../../components/Field';
import type { Errors } from '../../../components/useForm';
import { formatDay } from '../common';

type Person = { id: string; name: string };
const FIELDS = ['title', 'ownerId', 'dueOn', 'analyseOn'] as const;
type F = (typeof FIELDS)[number];

/** The fields of a task (a data-plan line or an action item): what, who, by when, analysed when. */
function TaskFields({
  kind,
  members,
  errors,
  initial,
}: {
  kind: Task['kind'];
  members: Person[];
  errors: Errors<F>;
  initial?: Task;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        name="title"
        label={t(`inquiry.tasks.${kind}.what`)}
        hint={t(`inquiry.tasks.${kind}.whatHint`)}
        defaultValue={initial?.title}
        maxLength={INQUIRY_LIMITS.title}
        error={errors.title}
      />
      <div className="form-row">
        <SelectField
          name="ownerId"
          label={t('inquiry.tasks.owner')}
          defaultValue={initial?.owner?.id ?? ''}
          optional
          error={errors.ownerId}
        >
          <option value="">{t('inquiry.tasks.noOwner')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="dueOn"
          type="date"
          label={t(`inquiry.tasks.${kind}.dueOn`)}
          defaultValue={initial?.dueOn ?? ''}
          optional
          error={errors.dueOn}
        />
        {kind === 'data' && (
          <TextField
            name="analyseOn"
            type="date"
            label={t('inquiry.tasks.analyseOn')}
            defaultValue={initial?.analyseOn ?? ''}
            optional
            error={errors.analyseOn}
          />
        )}
      </div>
    </>
  );
}

function read(data: FormData, t: (k: string) => string) {
  const s = (k: string) => String(data.get(k) ?? '').trim();
  const values = {
    title: s('title'),
    ownerId: s('ownerId') || null,
    dueOn: s('dueOn') || null,
    analyseOn: s('analyseOn') || null,
  };
  const errors: Errors<F> = {};
  if (!values.title) errors.title = t('inquiry.tasks.titleMissing');
  if (values.dueOn && values.analyseOn && values.analyseOn < values.dueOn)
    errors.analyseOn = t('inquiry.tasks.analyseBeforeDue');
  return { values, errors };
}

/** One task: done box (members), what, who, dates; edit and delete for members. */
function TaskItem({
  task,
  members,
  canWrite,
  editable,
  showPlace,
  place,
}: {
  task: Task;
  members: Person[];
  canWrite: boolean;
  editable: boolean;
  showPlace?: boolean;
  place?: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const refresh = useInquiryRefresh();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = async (body: TaskChange) => {
    setBusy(true);
    setError(null);
    try {
      await updateTask(task.id, body);
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={`inquiry-task${task.done ? ' is-done' : ''}`}>
      <div className="inquiry-task-main">
        {canWrite ? (
          <div className="checkbox">
            <input
              id={`${id}-done`}
              type="checkbox"
              checked={task.done}
              disabled={busy}
              onChange={(e) => void change({ done: e.target.checked })}
            />
            <label htmlFor={`${id}-done`} className="inquiry-task-title">
              {task.title}
            </label>
          </div>
        ) : (
          <p className="inquiry-task-title">
            {task.title}
            {task.done && <span className="badge badge-active">{t('inquiry.tasks.done')}</span>}
          </p>
        )}
        <p className="inquiry-task-facts">
          <span>{task.owner ? task.owner.name : t('inquiry.tasks.noOwner')}</span>
          {task.dueOn && (
            <span>{t(`inquiry.tasks.${task.kind}.dueShort`, { date: formatDay(task.dueOn) })}</span>
          )}
          {task.analyseOn && (
            <span>{t('inquiry.tasks.analyseShort', { date: formatDay(task.analyseOn) })}</span>
          )}
          {showPlace && place && <Link to={place.to}>{place.label}</Link>}
        </p>
      </div>
      {editable && (
        <div className="page-actions">
          <FormDialog
            triggerLabel={t('common.edit')}
            triggerContext={task.title}
            title={t('inquiry.tasks.editTitle')}
            fields={FIELDS}
            submitLabel={t('common.save')}
            validate={(data) => read(data, t).errors}
            onSubmit={async (data) => {
              const { values } = read(data, t);
              await updateTask(task.id, task.kind === 'data' ? values : { ...values, analyseOn: undefined });
              await refresh();
            }}
          >
            {(errors) => <TaskFields kind={task.kind} members={members} errors={errors} initial={task} />}
          </FormDialog>
          <ConfirmDialog
            triggerLabel={t('common.delete')}
            triggerContext={task.title}
            title={t('inquiry.tasks.deleteTitle')}
            confirmLabel={t('common.delete')}
            onConfirm={async () => {
              await deleteTask(task.id);
              await refresh();
            }}
          >
            <p>{t('inquiry.tasks.deleteText', { title: task.title })}</p>
          </ConfirmDialog>
        </div>
      )}
      <ErrorAlert message={error} />
    </li>
  );
}

/** A list of tasks (a cycle's data plan or action items, a team's open tasks). */
export function TaskList({
  tasks,
  members,
  canWrite,
  editable = canWrite,
  label,
  empty,
  placeOf,
}: {
  tasks: Task[];
  members: Person[];
  /** May tick tasks done. */
  canWrite: boolean;
  /** May edit and delete them (default: canWrite). */
  editable?: boolean;
  label: string;
  empty: string;
  /** Where a task belongs (its cycle), for lists across cycles. */
  placeOf?: (task: Task) => { to: string; label: string } | undefined;
}) {
  if (tasks.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="inquiry-tasks" aria-label={label}>
      {tasks.map((task) => (
        <TaskItem
          key={task.id}
          task={task}
          members={members}
          canWrite={canWrite}
          editable={editable}
          showPlace={!!placeOf}
          place={placeOf?.(task)}
        />
      ))}
    </ul>
  );
}

/** Adds a task to a cycle: a line of the data plan (what, who, collected by, analysed on) or an action item. */
export function NewTaskForm({
  cycleId,
  kind,
  members,
}: {
  cycleId: string;
  kind: Task['kind'];
  members: Person[];
}) {
  const { t } = useTranslation();
  const refresh = useInquiryRefresh();
  const [errors, setErrors] = useState<Errors<F>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(0);
  const wrap = useRef<HTMLDivElement>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const form = e.currentTarget;
    const { values, errors: errs } = read(new FormData(form), t);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setSummary(t('errors.checkFields'));
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setSummary(null);
    try {
      const body: NewTask = { kind, ...values, analyseOn: kind === 'data' ? values.analyseOn : null };
      await createTask(cycleId, body);
      await refresh();
      setKey((k) => k + 1);
      requestAnimationFrame(() => wrap.current?.querySelector<HTMLElement>('input[name="title"]')?.focus());
    } catch (err) {
      setErrors(fieldErrors(err, [...FIELDS]) as Errors<F>);
      setSummary(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div ref={wrap}>
      <form key={key} className="inline-form inquiry-new-task" noValidate onSubmit={submit}>
        <h3>{t(`inquiry.tasks.${kind}.add`)}</h3>
        <ErrorAlert message={summary} />
        <TaskFields kind={kind} members={members} errors={errors} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t(`inquiry.tasks.${kind}.addButton`)}
          </Button>
        </div>
      </form>
    </div>
  );
}
