import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type Kommune, type KommuneListItem, peopleKeys, useKommuner } from '../../api/people';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { useForm } from '../../components/useForm';
import { PillarsEditor } from './PillarsEditor';

const codeOk = (code: string) => code === '' || /^\d{3}$/.test(code);

function CreateKommune() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm(['name', 'code'] as const);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; code: string | null }) =>
      api<Kommune>('/kommuner', { method: 'POST', body }),
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (create.isPending) return;
    setNotice(null);
    const el = e.currentTarget;
    const data = new FormData(el);
    const name = String(data.get('name') ?? '').trim();
    const code = String(data.get('code') ?? '').trim();
    if (
      form.invalid({
        name: name ? undefined : t('errors.field.name'),
        code: codeOk(code) ? undefined : t('errors.field.code'),
      })
    )
      return;
    create.mutate(
      { name, code: code || null },
      {
        onSuccess: (k) => {
          el.reset();
          form.reset();
          setNotice(t('org.kommuneCreated', { name: k.name }));
          void qc.invalidateQueries({ queryKey: peopleKeys.kommuner });
        },
      },
    );
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="inline-form">
      <h3 id="create-kommune">{t('org.createKommune')}</h3>
      <ErrorAlert message={form.summary} />
      <Notice message={notice} />
      <div className="form-row">
        <TextField label={t('org.kommuneName')} name="name" error={form.errors.name} />
        <TextField
          label={t('org.kommuneCode')}
          name="code"
          optional
          inputMode="numeric"
          hint={t('org.kommuneCodeHint')}
          error={form.errors.code}
          className="field-narrow"
        />
      </div>
      <Button type="submit" busy={create.isPending}>
        {t('org.createKommuneSubmit')}
      </Button>
    </form>
  );
}

function KommuneRow({ k }: { k: KommuneListItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: peopleKeys.kommuner });
  return (
    <tr>
      <th scope="row">{k.name}</th>
      <td className="col-secondary">{k.code ?? '–'}</td>
      <td className="col-secondary">{k.institutionCount ?? 0}</td>
      <td className="actions">
        <FormDialog
          triggerLabel={t('common.edit')}
          triggerContext={k.name}
          title={t('org.editKommune', { name: k.name })}
          submitLabel={t('common.save')}
          fields={['name', 'code'] as const}
          validate={(d) => ({
            name: String(d.get('name') ?? '').trim() ? undefined : t('errors.field.name'),
            code: codeOk(String(d.get('code') ?? '').trim()) ? undefined : t('errors.field.code'),
          })}
          onSubmit={async (d) => {
            const code = String(d.get('code') ?? '').trim();
            await api(`/kommuner/${k.id}`, {
              method: 'PATCH',
              body: { name: String(d.get('name')).trim(), code: code || null },
            });
            await refresh();
            void qc.invalidateQueries({ queryKey: peopleKeys.institutions });
          }}
        >
          {(errors) => (
            <>
              <TextField label={t('common.name')} name="name" defaultValue={k.name} error={errors.name} />
              <TextField
                label={t('org.code')}
                name="code"
                optional
                inputMode="numeric"
                defaultValue={k.code ?? ''}
                hint={t('org.kommuneCodeHint')}
                error={errors.code}
              />
            </>
          )}
        </FormDialog>
        <ConfirmDialog
          triggerLabel={t('common.delete')}
          triggerContext={k.name}
          title={t('org.deleteKommuneTitle', { name: k.name })}
          confirmLabel={t('org.deleteKommuneConfirm')}
          onConfirm={async () => {
            await api(`/kommuner/${k.id}`, { method: 'DELETE' });
            await refresh();
          }}
        >
          <p>{t('org.deleteKommuneText', { name: k.name })}</p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}

/** A kommune's PLF pillar names, folded away until opened (its editor loads then). */
function KommunePillarsDetails({ k }: { k: KommuneListItem }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="pillars-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('pillars.edit')}: {k.name}
      </summary>
      {open && <PillarsEditor kommuneId={k.id} headingLevel={3} />}
    </details>
  );
}

/** Administrators: every kommune, create, rename, delete (only when it has no institutions). */
export function KommunerSection() {
  const { t } = useTranslation();
  const kommuner = useKommuner();
  return (
    <section className="card">
      <h2 id="kommuner-heading">{t('org.kommuner')}</h2>
      <QueryView query={kommuner}>
        {(data) => (
          <TableWrap label={t('org.kommuner')}>
            <table>
              <caption className="sr-only">{t('org.kommuner')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col" className="col-secondary">
                    {t('org.code')}
                  </th>
                  <th scope="col" className="col-secondary">
                    {t('org.institutionCount')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((k) => (
                  <KommuneRow key={k.id} k={k} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
      <QueryView query={kommuner}>
        {(data) => (
          <>
            {data.items.map((k) => (
              <KommunePillarsDetails key={k.id} k={k} />
            ))}
          </>
        )}
      </QueryView>
      <CreateKommune />
    </section>
  );
}
