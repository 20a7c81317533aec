import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { INSTITUTION_TYPES, type InstitutionType } from '../../../shared/constants';
import { api } from '../../api/client';
import { type Institution, peopleKeys, useInstitution, useMe } from '../../api/people';
import { Loading, Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { PeopleList } from './PeopleList';
import { TeamsSection } from './TeamsSection';

function AdminActions({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  return (
    <div className="page-actions">
      <FormDialog
        triggerLabel={t('common.edit')}
        title={t('org.editInstitution', { name: institution.name })}
        submitLabel={t('common.save')}
        fields={['name', 'type'] as const}
        validate={(d) => ({ name: String(d.get('name') ?? '').trim() ? undefined : t('errors.field.name') })}
        onSubmit={async (d) => {
          await api(`/institutions/${institution.id}`, {
            method: 'PATCH',
            body: { name: String(d.get('name')).trim(), type: String(d.get('type')) as InstitutionType },
          });
          await qc.invalidateQueries({ queryKey: peopleKeys.institution(institution.id) });
          void qc.invalidateQueries({ queryKey: peopleKeys.institutions });
          void qc.invalidateQueries({ queryKey: peopleKeys.me });
        }}
      >
        {(errors) => (
          <>
            <TextField
              label={t('common.name')}
              name="name"
              defaultValue={institution.name}
              error={errors.name}
            />
            <SelectField
              label={t('org.institutionTypeLabel')}
              name="type"
              defaultValue={institution.type}
              error={errors.type}
            >
              {INSTITUTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`institutionTypes.${type}`)}
                </option>
              ))}
            </SelectField>
          </>
        )}
      </FormDialog>
      <ConfirmDialog
        triggerLabel={t('org.deleteInstitution')}
        title={t('org.deleteInstitutionTitle', { name: institution.name })}
        confirmLabel={t('org.deleteInstitutionConfirm')}
        onConfirm={async () => {
          await api(`/institutions/${institution.id}`, { method: 'DELETE' });
          qc.removeQueries({ queryKey: peopleKeys.institution(institution.id) });
          void qc.invalidateQueries({ queryKey: peopleKeys.institutions });
          void qc.invalidateQueries({ queryKey: peopleKeys.kommuner });
          navigate('/organisation', {
            state: { notice: t('org.institutionDeleted', { name: institution.name }) },
          });
        }}
      >
        <p>{t('org.deleteInstitutionText', { name: institution.name })}</p>
      </ConfirmDialog>
    </div>
  );
}

export function InstitutionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: me } = useMe();
  const institution = useInstitution(id);
  const state = useLocation().state as { notice?: string } | null;
  usePageTitle(institution.data?.name ?? t('org.institution'));

  if (institution.isPending) return <Loading />;
  if (institution.isError)
    return (
      <div className="page">
        <h1>{t('org.institution')}</h1>
        <RequestError error={institution.error} />
      </div>
    );
  const inst = institution.data;
  const admin = !!me?.capabilities.administer;
  const manages = admin || !!me?.capabilities.manageInstitutionIds.includes(inst.id);

  return (
    <div className="page">
      <Breadcrumbs items={[{ to: '/organisation', label: t('org.title') }, { label: inst.name }]} />
      <div className="page-head">
        <div>
          <h1>{inst.name}</h1>
          <p className="muted">
            {t(`institutionTypes.${inst.type}`)} · {inst.kommuneName}
          </p>
        </div>
        {admin && <AdminActions institution={inst} />}
      </div>
      <Notice message={state?.notice} />
      <div className="stack">
        {manages && <TeamsSection institution={inst} />}
        <section className="card">
          <div className="section-head">
            <h2 id="inst-people">{t('org.peopleAt', { name: inst.name })}</h2>
            {manages && (
              <div className="page-actions">
                <Link className="btn btn-secondary" to="/import">
                  {t('import.title')}
                </Link>
                <Link className="btn btn-primary" to={`/organisation/inviter?institution=${inst.id}`}>
                  {t('org.invitePerson')}
                </Link>
              </div>
            )}
          </div>
          <PeopleList institutionId={inst.id} headingId="inst-people" />
        </section>
      </div>
    </div>
  );
}
