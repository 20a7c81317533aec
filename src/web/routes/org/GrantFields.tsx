import { useTranslation } from 'react-i18next';
import { INSTITUTION_ROLES, ROLES, type Role, roleScope } from '../../../shared/constants';
import { type Me, useInstitutions, useKommuner } from '../../api/people';
import { SelectField } from '../../components/Field';
import type { Errors } from '../../components/useForm';

export type GrantField = 'role' | 'institutionId' | 'kommuneId';

/** Which roles the viewer may hand out, and where: administrators everything, leaders roles in their institutions. */
export function useGrantOptions(me: Me) {
  const admin = me.capabilities.administer;
  const institutions = useInstitutions(admin);
  const kommuner = useKommuner(admin);
  const roles: readonly Role[] = admin ? ROLES : INSTITUTION_ROLES;
  const institutionOptions = admin
    ? (institutions.data?.items ?? []).map((i) => ({ id: i.id, name: i.name, kommune: i.kommuneName }))
    : me.grants
        .filter((g) => g.role === 'leder' && g.institutionId)
        .map((g) => ({
          id: g.institutionId as string,
          name: g.institutionName ?? '',
          kommune: g.kommuneName ?? '',
        }));
  const kommuneOptions = (kommuner.data?.items ?? []).map((k) => ({ id: k.id, name: k.name }));
  return { roles, institutionOptions, kommuneOptions };
}

export type GrantOptions = ReturnType<typeof useGrantOptions>;

/** Validation shared by the invite form and the add-role form. */
export function validateGrant(
  t: (k: string) => string,
  v: { role: string; institutionId: string; kommuneId: string },
): Errors<GrantField> {
  if (!v.role) return { role: t('errors.field.role') };
  const scope = roleScope(v.role as Role);
  return {
    institutionId: scope === 'institution' && !v.institutionId ? t('errors.field.institutionId') : undefined,
    kommuneId: scope === 'kommune' && !v.kommuneId ? t('errors.field.kommuneId') : undefined,
  };
}

/** Role select, then the institution or kommune the role applies to (nothing for instance-wide roles). */
export function GrantFields({
  options,
  role,
  onRoleChange,
  institutionId,
  onInstitutionChange,
  errors,
}: {
  options: GrantOptions;
  role: Role | '';
  onRoleChange: (r: Role | '') => void;
  institutionId?: string;
  onInstitutionChange?: (id: string) => void;
  errors: Errors<GrantField>;
}) {
  const { t } = useTranslation();
  const scope = role ? roleScope(role) : null;
  return (
    <>
      <SelectField
        label={t('people.role')}
        name="role"
        value={role}
        onChange={(e) => onRoleChange(e.target.value as Role | '')}
        error={errors.role}
      >
        <option value="" disabled>
          {t('common.choose')}
        </option>
        {options.roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
      {scope === 'institution' && (
        <SelectField
          label={t('org.institution')}
          name="institutionId"
          value={institutionId ?? ''}
          onChange={(e) => onInstitutionChange?.(e.target.value)}
          error={errors.institutionId}
        >
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {options.institutionOptions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
              {i.kommune ? ` (${i.kommune})` : ''}
            </option>
          ))}
        </SelectField>
      )}
      {scope === 'kommune' && (
        <SelectField label={t('org.kommune')} name="kommuneId" defaultValue="" error={errors.kommuneId}>
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {options.kommuneOptions.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </SelectField>
      )}
      {scope === 'global' && <p className="hint">{t('people.globalRoleHint')}</p>}
    </>
  );
}
