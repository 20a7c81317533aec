import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PILLARS, type Pillar } from '../../../shared/catalogue';
import { DEFAULT_PILLAR_LABELS, PILLAR_LABEL_MAX } from '../../../shared/pillars';
import { api } from '../../api/client';
import { type PillarLabels, pillarKeys, useKommunePillars } from '../../api/pillars';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { useForm } from '../../components/useForm';

/**
 * A kommune's own names for the five PLF pillars (its forvaltning and administrators): every page shows them
 * to the kommune's staff. Empty = the defaults; "Brug standardnavnene" removes the kommune's words.
 */
export function PillarsEditor({ kommuneId, headingLevel = 2 }: { kommuneId: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const query = useKommunePillars(kommuneId);
  const form = useForm(PILLARS);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (labels: Record<Pillar, string> | null) =>
      api<PillarLabels>(`/kommuner/${kommuneId}/pillars`, { method: 'PUT', body: { labels } }),
    onSuccess: (saved) => {
      qc.setQueryData(pillarKeys.kommune(kommuneId), saved);
      void qc.invalidateQueries({ queryKey: pillarKeys.mine });
      setNotice(saved.labels ? t('pillars.saved') : t('pillars.resetDone'));
    },
    onError: (err) => form.failed(err),
  });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const d = new FormData(e.currentTarget);
    const labels = Object.fromEntries(PILLARS.map((p) => [p, String(d.get(p) ?? '').trim()])) as Record<
      Pillar,
      string
    >;
    if (
      form.invalid(
        Object.fromEntries(
          PILLARS.map((p) => [
            p,
            !labels[p]
              ? t('pillars.missing')
              : labels[p].length > PILLAR_LABEL_MAX
                ? t('pillars.tooLong', { max: PILLAR_LABEL_MAX })
                : undefined,
          ]),
        ),
      )
    )
      return;
    save.mutate(labels);
  }

  return (
    <section aria-labelledby={`pillars-${kommuneId}`} className="pillars-editor">
      <QueryView query={query}>
        {(data) => (
          <>
            <Heading id={`pillars-${kommuneId}`}>
              {t('pillars.title', { kommune: data.kommune?.name ?? '' })}
            </Heading>
            <p className="muted">{t('pillars.intro')}</p>
            <form ref={form.formRef} noValidate onSubmit={submit} key={JSON.stringify(data.labels)}>
              <ErrorAlert message={form.summary} />
              <Notice message={notice} />
              {PILLARS.map((p, i) => (
                <TextField
                  key={p}
                  label={t('pillars.field', { n: i + 1 })}
                  name={p}
                  defaultValue={data.labels?.[p] ?? DEFAULT_PILLAR_LABELS.da[p]}
                  hint={t('pillars.default', { label: DEFAULT_PILLAR_LABELS.da[p] })}
                  maxLength={PILLAR_LABEL_MAX}
                  error={form.errors[p]}
                />
              ))}
              <div className="form-actions">
                <Button type="submit" busy={save.isPending && save.variables !== null}>
                  {t('pillars.save')}
                </Button>
                {data.labels && (
                  <Button
                    variant="secondary"
                    busy={save.isPending && save.variables === null}
                    onClick={() => save.mutate(null)}
                  >
                    {t('pillars.reset')}
                  </Button>
                )}
              </div>
            </form>
          </>
        )}
      </QueryView>
    </section>
  );
}
