import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { AGE_BANDS } from '../../../../shared/catalogue';
import { schoolYearLabel, schoolYearOf } from '../../../../shared/progression';
import { useTeams } from '../../../api/people';
import {
  createGroup,
  deleteGroup,
  type ProgressionGroup,
  type ProgressionSetup,
  updateDelegations,
  updateGroup,
  useProgressionRefresh,
} from '../../../api/progression';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog, FormDialog } from '../../../components/Dialogs';
import { SelectField, TextField } from '../../../components/Field';
import { useForm } from '../../../components/useForm';
import type { WordsT } from '../../../i18n/words';

type Team = { id: string; name: string };
const GRADES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The classes (groups) the overview follows: their class team, klassetrin or age band, resource persons. */
export function GroupsSection({ setup, t }: { setup: ProgressionSetup; t: WordsT }) {
  const id = useId();
  const refresh = useProgressionRefresh();
  const teams = useTeams(setup.institution.id);
  const teamList: Team[] = teams.data?.items ?? [];
  const school = setup.institution.type !== 'dagtilbud' && setup.institution.type !== 'klub';
  const groups = [...setup.groups].sort(
    (a, b) => b.schoolYear - a.schoolYear || a.name.localeCompare(b.name, 'da', { numeric: true }),
  );
  return (
    <section className="card prog-setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('progression.setup.groups')}</h2>
      <p className="hint">{t('progression.setup.groupsIntro')}</p>
      {groups.length === 0 ? (
        <p className="muted">{t('progression.setup.noGroups')}</p>
      ) : (
        <ul className="prog-cards" aria-labelledby={`${id}-h`}>
          {groups.map((g) => (
            <li key={g.id} className={`card prog-card${g.archived ? ' is-archived' : ''}`}>
              <h3>
                <Link to={`/progression/grupper/${g.id}`}>{g.name}</Link>
                {g.archived && <span className="badge"> {t('progression.setup.archivedBadge')}</span>}
              </h3>
              <p className="muted">
                {schoolYearLabel(g.schoolYear)}
                {g.grade !== null && ` · ${t('progression.setup.gradeValue', { grade: g.grade })}`}
                {g.ageBand && ` · ${t(`catalogue.ageBand.${g.ageBand}`)}`}
                {` · ${t('progression.setup.childCount', { count: g.children })}`}
              </p>
              <p>
                {g.team
                  ? t('progression.setup.teamIs', { team: g.team.name })
                  : t('progression.setup.noTeam')}
              </p>
              <p>
                {g.delegates.length
                  ? t('progression.setup.delegatesAre', { names: g.delegates.map((d) => d.name).join(', ') })
                  : t('progression.setup.noDelegates')}
              </p>
              <div className="actions">
                <EditGroup group={g} teams={teamList} school={school} t={t} onDone={refresh} />
                <Delegations group={g} setup={setup} t={t} onDone={refresh} />
                {g.children === 0 && (
                  <ConfirmDialog
                    triggerLabel={t('common.delete')}
                    triggerContext={g.name}
                    title={t('progression.setup.deleteGroup', { name: g.name })}
                    confirmLabel={t('common.delete')}
                    onConfirm={async () => {
                      await deleteGroup(g.id);
                      await refresh();
                    }}
                  >
                    <p>{t('progression.setup.deleteGroupIntro')}</p>
                  </ConfirmDialog>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <AddGroup setup={setup} teams={teamList} school={school} t={t} onDone={refresh} />
    </section>
  );
}

function GradeOrAgeBand({
  school,
  t,
  grade,
  ageBand,
  error,
}: {
  school: boolean;
  t: WordsT;
  grade?: number | null;
  ageBand?: string | null;
  error?: string;
}) {
  return school ? (
    <SelectField
      name="grade"
      label={t('progression.setup.grade')}
      optional
      defaultValue={grade ?? ''}
      error={error}
    >
      <option value="">{t('progression.setup.none')}</option>
      {GRADES.map((g) => (
        <option key={g} value={g}>
          {t('progression.setup.gradeValue', { grade: g })}
        </option>
      ))}
    </SelectField>
  ) : (
    <SelectField
      name="ageBand"
      label={t('progression.setup.ageBand')}
      optional
      defaultValue={ageBand ?? ''}
      error={error}
    >
      <option value="">{t('progression.setup.none')}</option>
      {AGE_BANDS.map((a) => (
        <option key={a} value={a}>
          {t(`catalogue.ageBand.${a}`)}
        </option>
      ))}
    </SelectField>
  );
}

function TeamSelect({
  teams,
  t,
  value,
  error,
}: {
  teams: Team[];
  t: WordsT;
  value?: string | null;
  error?: string;
}) {
  return (
    <SelectField
      name="teamId"
      label={t('progression.setup.team')}
      hint={t('progression.setup.teamHint')}
      optional
      defaultValue={value ?? ''}
      error={error}
    >
      <option value="">{t('progression.setup.none')}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </SelectField>
  );
}

const gradeOf = (data: FormData) => (data.get('grade') ? Number(data.get('grade')) : null);
const ageBandOf = (data: FormData) =>
  (data.get('ageBand') ? String(data.get('ageBand')) : null) as ProgressionGroup['ageBand'];

function AddGroup({
  setup,
  teams,
  school,
  t,
  onDone,
}: {
  setup: ProgressionSetup;
  teams: Team[];
  school: boolean;
  t: WordsT;
  onDone: () => Promise<unknown>;
}) {
  const form = useForm(['name', 'schoolYear', 'teamId', 'grade', 'ageBand'] as const);
  const [busy, setBusy] = useState(false);
  const thisYear = schoolYearOf(new Date().toISOString().slice(0, 10));
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const data = new FormData(el);
    const name = String(data.get('name') ?? '').trim();
    if (form.invalid({ name: name ? undefined : t('progression.setup.nameMissing') })) return;
    setBusy(true);
    try {
      await createGroup(setup.institution.id, {
        name,
        schoolYear: Number(data.get('schoolYear')),
        teamId: data.get('teamId') ? String(data.get('teamId')) : null,
        grade: school ? gradeOf(data) : null,
        ageBand: school ? null : ageBandOf(data),
      });
      el.reset();
      form.reset();
      await onDone();
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="inline-form">
      <h3>{t('progression.setup.addGroup')}</h3>
      <ErrorAlert message={form.summary} />
      <div className="form-row">
        <TextField name="name" label={t('progression.setup.groupName')} error={form.errors.name} />
        <SelectField
          name="schoolYear"
          label={t('progression.setup.schoolYear')}
          defaultValue={thisYear}
          error={form.errors.schoolYear}
        >
          {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
            <option key={y} value={y}>
              {schoolYearLabel(y)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <TeamSelect teams={teams} t={t} error={form.errors.teamId} />
        <GradeOrAgeBand school={school} t={t} error={school ? form.errors.grade : form.errors.ageBand} />
      </div>
      <Button type="submit" busy={busy}>
        {t('progression.setup.addGroup')}
      </Button>
    </form>
  );
}

function EditGroup({
  group,
  teams,
  school,
  t,
  onDone,
}: {
  group: ProgressionGroup;
  teams: Team[];
  school: boolean;
  t: WordsT;
  onDone: () => Promise<unknown>;
}) {
  return (
    <FormDialog
      triggerLabel={t('common.edit')}
      triggerContext={group.name}
      title={t('progression.setup.editGroup', { name: group.name })}
      submitLabel={t('common.save')}
      fields={['name', 'teamId', 'grade', 'ageBand'] as const}
      onSubmit={async (data) => {
        await updateGroup(group.id, {
          name: String(data.get('name') ?? ''),
          teamId: data.get('teamId') ? String(data.get('teamId')) : null,
          ...(school ? { grade: gradeOf(data) } : { ageBand: ageBandOf(data) }),
          archived: data.get('archived') === 'on',
        });
        await onDone();
      }}
    >
      {(errors) => (
        <>
          <TextField
            name="name"
            label={t('progression.setup.groupName')}
            defaultValue={group.name}
            error={errors.name}
          />
          <TeamSelect teams={teams} t={t} value={group.team?.id} error={errors.teamId} />
          <GradeOrAgeBand
            school={school}
            t={t}
            grade={group.grade}
            ageBand={group.ageBand}
            error={school ? errors.grade : errors.ageBand}
          />
          <div className="checkbox">
            <input
              id={`archive-${group.id}`}
              name="archived"
              type="checkbox"
              defaultChecked={group.archived}
            />
            <label htmlFor={`archive-${group.id}`}>{t('progression.setup.archiveGroup')}</label>
          </div>
        </>
      )}
    </FormDialog>
  );
}

function Delegations({
  group,
  setup,
  t,
  onDone,
}: {
  group: ProgressionGroup;
  setup: ProgressionSetup;
  t: WordsT;
  onDone: () => Promise<unknown>;
}) {
  const chosen = new Set(group.delegates.map((d) => d.id));
  return (
    <FormDialog
      triggerLabel={t('progression.setup.delegations')}
      triggerContext={group.name}
      title={t('progression.setup.delegationsTitle', { name: group.name })}
      submitLabel={t('common.save')}
      fields={['userIds'] as const}
      onSubmit={async (data) => {
        await updateDelegations(group.id, data.getAll('userIds').map(String));
        await onDone();
      }}
    >
      {(errors) => (
        <fieldset className="checkbox-group">
          <legend>{t('progression.setup.delegationsLegend')}</legend>
          <p className="hint">{t('progression.setup.delegationsHint')}</p>
          {errors.userIds && <p className="field-error">{errors.userIds}</p>}
          {setup.resourcePersons.length === 0 && (
            <p className="muted">{t('progression.setup.noResourcePersons')}</p>
          )}
          {setup.resourcePersons.map((p) => (
            <div key={p.id} className="checkbox">
              <input
                id={`del-${group.id}-${p.id}`}
                type="checkbox"
                name="userIds"
                value={p.id}
                defaultChecked={chosen.has(p.id)}
              />
              <label htmlFor={`del-${group.id}-${p.id}`}>{p.name}</label>
            </div>
          ))}
        </fieldset>
      )}
    </FormDialog>
  );
}
