import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from '../../../../shared/observation';
import { saveSettings, useLeadRefresh, useSettings } from '../../../api/observation-lead';
import { Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { useWords } from '../../../i18n/words';

const MAX = 50;

/** The minimum group size for institution data (≥ 3, default 5), with why it matters. */
export function SetupSettings({ institutionId }: { institutionId: string }) {
  const { t } = useWords(institutionId);
  const settings = useSettings(institutionId);
  const refresh = useLeadRefresh(institutionId);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (minGroupSize: number) => saveSettings(institutionId, { minGroupSize }),
    onMutate: () => setNotice(null),
    onSuccess: async (s) => {
      setNotice(t('observationLead.settings.saved', { n: s.minGroupSize }));
      await refresh('settings');
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get('minGroupSize') ?? '').trim();
    const n = Number(raw);
    const ok = /^\d+$/.test(raw) && n >= MIN_GROUP_SIZE_FLOOR && n <= MAX;
    setError(ok ? undefined : t('observationLead.settings.invalid', { min: MIN_GROUP_SIZE_FLOOR, max: MAX }));
    if (ok && !save.isPending) save.mutate(n);
  }
  return (
    <section className="card obsl-section" aria-labelledby="obsl-settings">
      <h2 id="obsl-settings">{t('observationLead.settings.heading')}</h2>
      <p>
        {t('observationLead.settings.why', { floor: MIN_GROUP_SIZE_FLOOR, default: DEFAULT_MIN_GROUP_SIZE })}
      </p>
      <QueryView query={settings}>
        {(s) => (
          <form noValidate onSubmit={submit} className="form-row" key={s.minGroupSize}>
            <TextField
              label={t('observationLead.settings.minGroupSize')}
              hint={t('observationLead.settings.hint', { floor: MIN_GROUP_SIZE_FLOOR })}
              name="minGroupSize"
              type="number"
              inputMode="numeric"
              min={MIN_GROUP_SIZE_FLOOR}
              max={MAX}
              defaultValue={s.minGroupSize}
              error={error}
              className="field-narrow"
            />
            <Button type="submit" variant="secondary" busy={save.isPending} className="obsl-inline-submit">
              {t('observationLead.settings.save')}
            </Button>
          </form>
        )}
      </QueryView>
      <RequestError error={save.isError ? save.error : null} />
      <Notice message={notice} />
    </section>
  );
}
