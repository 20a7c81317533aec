import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INSTITUTION_TYPES } from '../../../shared/constants';
import { api } from '../../api/client';
import { type Institution, peopleKeys, useInstitutions, useKommuner } from '../../api/people';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { useForm } from '../../components/useForm';

function CreateInstitution() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const kommuner = useKommuner();
  const form = useForm(['name', 'kommuneId', 'type'] as const);
  const [notice, setNotice] = useState<{ id: string; name: string } | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; kommuneId: string; type: string }) =>
      api<Institution>('/institutions', { method: 'POST', body }),
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (create.isPending) return;
    setNotice(null);
    const el = e.currentTarget;
    const data = new FormData(el);
    const body = {
      name: String(data.get('name') ?? '').trim(),
      kommuneId: String(data.get('kommuneId') ?? ''),
      type: String(data.get('type') ?? ''),
    };
    if (
      form.invalid({
        name: body.name ? undefined : t('errors.field.name'),
        kommuneId: body.kommuneId ? undefined : t('errors.field.kommuneId'),
        type: body.type ? undefined : t('errors.field.type'),
      })
    )
      return;
    create.mutate(body, {
      onSuccess: (i) => {
        el.reset();
        form.reset();
        setNotice({ id: i.id, name: i.name });
        void qc.invalidateQueries({ queryKey: peopleKeys.institutions });
        void qc.invalidateQueries({ queryKey: peopleKeys.kommuner });
      },
    });
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="inline-form">
      <h3 id="create-inst">{t('org.createInstitution')}</h3>
      <ErrorAlert message={form.summary} />
      <div role="status">
        {notice && (
          <p className="alert alert-success">
            {t('org.institutionCreated', { name: notice.name })}{' '}
            <Link to={`/organisation/institutioner/${notice.id}`}>
              {t('org.openInstitution', { name: notice.name })}
            </Link>
          </p>
        )}
      </div>
      <div className="form-row">
        <TextField label={t('org.institutionName')} name="name" error={form.errors.name} />
        <SelectField label={t('org.kommune')} name="kommuneId" defaultValue="" error={form.errors.kommuneId}>
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {kommuner.data?.items.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('org.type')} name="type" defaultValue="" error={form.errors.type}>
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {INSTITUTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`institutionTypes.${type}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" busy={create.isPending}>
        {t('org.createInstitutionSubmit')}
      </Button>
    </form>
  );
}

/** Institutions the person may see; administrators can create new ones here. */
export function InstitutionsSection({ canCreate, onlyIds }: { canCreate: boolean; onlyIds?: string[] }) {
  const { t } = useTranslation();
  const institutions = useInstitutions();
  const items = institutions.data?.items.filter((i) => !onlyIds || onlyIds.includes(i.id)) ?? [];
  return (
    <section className="card">
      <h2 id="institutions-heading">{t('org.institutions')}</h2>
      <QueryView query={institutions} empty={items.length === 0 && t('org.noInstitutions')}>
        {() => (
          <TableWrap label={t('org.institutions')}>
            <table>
              <caption className="sr-only">{t('org.institutions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('org.type')}</th>
                  <th scope="col" className="col-secondary">
                    {t('org.kommune')}
                  </th>
                  <th scope="col" className="col-secondary">
                    {t('org.teamCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={`/organisation/institutioner/${i.id}`}>{i.name}</Link>
                    </th>
                    <td>{t(`institutionTypes.${i.type}`)}</td>
                    <td className="col-secondary">{i.kommuneName}</td>
                    <td className="col-secondary">{i.teamCount ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
      {canCreate && <CreateInstitution />}
    </section>
  );
}
