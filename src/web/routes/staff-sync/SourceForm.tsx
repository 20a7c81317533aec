import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInstitutions, useKommuner } from '../../api/people';
import type { SourceInput, StaffSyncSource } from '../../api/staff-sync';
import { RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';

type Kind = SourceInput['kind'];
const INTERVALS = [15, 60, 360, 1440];

/** Add or change a source: kind, where, how often, which institutions it may change, the safety brake. */
export function SourceForm({
  source,
  pathsAllowed,
  pathRoot,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  source?: StaffSyncSource;
  pathsAllowed: boolean;
  pathRoot: string | null;
  busy: boolean;
  error: unknown;
  onSubmit: (v: SourceInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const institutions = useInstitutions().data?.items ?? [];
  const kommuner = useKommuner().data?.items ?? [];
  const [kind, setKind] = useState<Kind>(source?.kind ?? (pathsAllowed ? 'csv_path' : 'csv_url'));
  const [scope, setScope] = useState<Set<string>>(new Set(source?.institutionIds ?? []));
  const prefix = source ? `edit-${source.id}` : 'new';

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const str = (k: string) => String(f.get(k) ?? '');
    const interval = str('interval');
    onSubmit({
      kind,
      name: str('name'),
      ...(kind === 'scim'
        ? { defaultInstitutionId: str('defaultInstitutionId') || null }
        : { location: str('location'), intervalMinutes: interval === 'manual' ? null : Number(interval) }),
      kommuneId: str('kommuneId') || null,
      institutionIds: [...scope],
      maxDeactivatePercent: Number(str('maxDeactivatePercent')),
      sendInvitations: f.get('sendInvitations') === 'on',
    });
  };

  return (
    <form className="stack" onSubmit={submit}>
      {!source && (
        <SelectField
          label={t('staffSync.kind')}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          {pathsAllowed && <option value="csv_path">{t('staffSync.kinds.csv_path')}</option>}
          <option value="csv_url">{t('staffSync.kinds.csv_url')}</option>
          <option value="scim">{t('staffSync.kinds.scim')}</option>
        </SelectField>
      )}
      <TextField label={t('staffSync.name')} name="name" defaultValue={source?.name} maxLength={200} />
      {kind !== 'scim' && (
        <>
          <TextField
            label={kind === 'csv_path' ? t('staffSync.path') : t('staffSync.url')}
            name="location"
            defaultValue={source?.location ?? ''}
            hint={kind === 'csv_path' ? t('staffSync.pathHint', { root: pathRoot }) : t('staffSync.urlHint')}
            maxLength={2000}
          />
          <SelectField
            label={t('staffSync.interval')}
            name="interval"
            defaultValue={source?.intervalMinutes ? String(source.intervalMinutes) : '60'}
          >
            <option value="manual">{t('staffSync.manualOnly')}</option>
            {INTERVALS.map((m) => (
              <option key={m} value={String(m)}>
                {t(`staffSync.intervals.${m}`)}
              </option>
            ))}
          </SelectField>
        </>
      )}
      <fieldset className="checkbox-group">
        <legend>{t('staffSync.scope')}</legend>
        <p className="hint" id={`${prefix}-scope-hint`}>
          {t('staffSync.scopeHint')}
        </p>
        {institutions.map((i) => (
          <div className="checkbox" key={i.id}>
            <input
              type="checkbox"
              id={`${prefix}-inst-${i.id}`}
              checked={scope.has(i.id)}
              onChange={(e) => {
                const next = new Set(scope);
                if (e.target.checked) next.add(i.id);
                else next.delete(i.id);
                setScope(next);
              }}
            />
            <label htmlFor={`${prefix}-inst-${i.id}`}>
              {i.name} <span className="muted">({i.kommuneName})</span>
            </label>
          </div>
        ))}
      </fieldset>
      <SelectField
        label={t('staffSync.kommune')}
        name="kommuneId"
        defaultValue={source?.kommuneId ?? ''}
        optional
      >
        <option value="">{t('staffSync.noKommune')}</option>
        {kommuner.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name}
          </option>
        ))}
      </SelectField>
      {kind === 'scim' && (
        <SelectField
          label={t('staffSync.defaultInstitution')}
          name="defaultInstitutionId"
          defaultValue={source?.defaultInstitutionId ?? ''}
          hint={t('staffSync.defaultInstitutionHint')}
        >
          <option value="">{t('staffSync.choose')}</option>
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t('staffSync.brake')}
        name="maxDeactivatePercent"
        type="number"
        min={0}
        max={100}
        defaultValue={String(source?.maxDeactivatePercent ?? 20)}
        hint={t('staffSync.brakeHint')}
      />
      <div className="checkbox">
        <input
          type="checkbox"
          id={`${prefix}-invite`}
          name="sendInvitations"
          defaultChecked={source?.sendInvitations ?? false}
        />
        <label htmlFor={`${prefix}-invite`}>{t('staffSync.sendInvitations')}</label>
      </div>
      <RequestError error={error} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {source ? t('staffSync.save') : t('staffSync.add')}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('staffSync.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
