import { type FormEvent, useState } from 'react';
import { PROGRESSION_LIMITS } from '../../../shared/progression';
import {
  addChild,
  type Grid,
  leaveChild,
  moveChild,
  updateChild,
  useProgressionRefresh,
  useProgressionSetup,
} from '../../api/progression';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { SelectField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import type { WordsT } from '../../i18n/words';

const today = () => new Date().toISOString().slice(0, 10);

/** The children of the group (codes; full names only for the class team when the institution keeps them). */
export function ChildrenSection({ grid, t, canMove }: { grid: Grid; t: WordsT; canMove: boolean }) {
  const refresh = useProgressionRefresh();
  const setup = useProgressionSetup(canMove ? grid.institution.id : undefined);
  const others = (setup.data?.groups ?? []).filter((g) => g.id !== grid.group.id && !g.archived);
  const current = grid.children.filter((c) => !c.toOn);
  const left = grid.children.filter((c) => c.toOn);
  const names = grid.can.seeNames;
  return (
    <section aria-labelledby="prog-children" className="prog-children">
      <h2 id="prog-children">{t('progression.children.title')}</h2>
      <p className="hint">{t(names ? 'progression.children.introNames' : 'progression.children.intro')}</p>
      <AddChild groupId={grid.group.id} t={t} names={names} onDone={refresh} />
      <details className="prog-child-list">
        <summary>{t('progression.children.manage', { count: current.length })}</summary>
        <ul className="link-list" aria-label={t('progression.children.title')}>
          {current.map((child) => (
            <li key={child.id} className="prog-child">
              <span>
                <strong>{child.code}</strong>
                {names && child.fullName && <span className="muted"> {child.fullName}</span>}
              </span>
              <span className="actions">
                <FormDialog
                  triggerLabel={t('common.edit')}
                  triggerContext={child.code}
                  title={t('progression.children.edit', { code: child.code })}
                  submitLabel={t('common.save')}
                  fields={['code', 'fullName'] as const}
                  onSubmit={async (data) => {
                    await updateChild(child.id, {
                      code: String(data.get('code') ?? ''),
                      ...(names ? { fullName: String(data.get('fullName') ?? '').trim() || null } : {}),
                    });
                    await refresh();
                  }}
                >
                  {(errors) => (
                    <>
                      <TextField
                        name="code"
                        label={t('progression.children.code')}
                        defaultValue={child.code}
                        maxLength={PROGRESSION_LIMITS.code}
                        error={errors.code}
                      />
                      {names && (
                        <TextField
                          name="fullName"
                          label={t('progression.children.fullName')}
                          defaultValue={child.fullName ?? ''}
                          optional
                          maxLength={PROGRESSION_LIMITS.fullName}
                          error={errors.fullName}
                        />
                      )}
                    </>
                  )}
                </FormDialog>
                {canMove && others.length > 0 && (
                  <FormDialog
                    triggerLabel={t('progression.children.move')}
                    triggerContext={child.code}
                    title={t('progression.children.moveTitle', { code: child.code })}
                    submitLabel={t('progression.children.move')}
                    fields={['groupId', 'on'] as const}
                    onSubmit={async (data) => {
                      await moveChild(child.id, {
                        groupId: String(data.get('groupId')),
                        on: String(data.get('on')),
                      });
                      await refresh();
                    }}
                  >
                    {(errors) => (
                      <>
                        <p>{t('progression.children.moveIntro')}</p>
                        <SelectField
                          name="groupId"
                          label={t('progression.children.toGroup')}
                          error={errors.groupId}
                        >
                          {others.map((g) => (
                            <option key={g.id} value={g.id}>
                              {g.name}
                            </option>
                          ))}
                        </SelectField>
                        <TextField
                          name="on"
                          type="date"
                          label={t('progression.children.on')}
                          defaultValue={today()}
                          error={errors.on}
                        />
                      </>
                    )}
                  </FormDialog>
                )}
                <ConfirmDialog
                  triggerLabel={t('progression.children.leave')}
                  triggerContext={child.code}
                  triggerVariant="secondary"
                  title={t('progression.children.leaveTitle', { code: child.code })}
                  confirmLabel={t('progression.children.leave')}
                  onConfirm={async () => {
                    await leaveChild(child.id, { on: today() });
                    await refresh();
                  }}
                >
                  <p>{t('progression.children.leaveIntro')}</p>
                </ConfirmDialog>
              </span>
            </li>
          ))}
        </ul>
      </details>
      {left.length > 0 && (
        <p className="muted">
          {t('progression.children.left', { codes: left.map((c) => c.code).join(', ') })}
        </p>
      )}
    </section>
  );
}

function AddChild({
  groupId,
  t,
  names,
  onDone,
}: {
  groupId: string;
  t: WordsT;
  names: boolean;
  onDone: () => Promise<unknown>;
}) {
  const form = useForm(['code', 'fullName'] as const);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [fullName, setFullName] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.invalid({ code: code.trim() ? undefined : t('progression.children.codeMissing') })) return;
    setBusy(true);
    try {
      await addChild(groupId, {
        code: code.trim(),
        fullName: names && fullName.trim() ? fullName.trim() : null,
      });
      setCode('');
      setFullName('');
      form.reset();
      await onDone();
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="inline-form prog-add-child">
      <ErrorAlert message={form.summary} />
      <div className="form-row">
        <TextField
          label={t('progression.children.code')}
          hint={t('progression.children.codeHint')}
          value={code}
          maxLength={PROGRESSION_LIMITS.code}
          onChange={(e) => setCode(e.target.value)}
          error={form.errors.code}
        />
        {names && (
          <TextField
            label={t('progression.children.fullName')}
            value={fullName}
            optional
            maxLength={PROGRESSION_LIMITS.fullName}
            onChange={(e) => setFullName(e.target.value)}
            error={form.errors.fullName}
          />
        )}
      </div>
      <Button type="submit" busy={busy}>
        {t('progression.children.add')}
      </Button>
    </form>
  );
}
