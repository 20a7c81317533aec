import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Coverage, isForbidden, saveCoverage, trainingKeys, useCoverage } from '../../../api/training';
import { Loading, Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { useSingleFlight } from '../useSingleFlight';

function Form({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const once = useSingleFlight();
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveCoverage,
    onMutate: () => setNotice(null),
    onSuccess: (next) => {
      if (next && Array.isArray(next.methods)) qc.setQueryData(trainingKeys.coverage, next);
      else void qc.invalidateQueries({ queryKey: trainingKeys.coverage });
      setNotice(t('training.coverage.saved'));
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const ids = new FormData(e.currentTarget).getAll('methodId').map(String);
    once(() => save.mutateAsync(ids));
  }
  if (!coverage.methods.length) return <p className="muted">{t('training.coverage.noMethods')}</p>;
  return (
    <form noValidate onSubmit={submit}>
      <fieldset className="checkbox-group training-coverage-list">
        <legend className="sr-only">{t('training.coverage.heading')}</legend>
        {coverage.methods.map((m) => (
          <div className="checkbox" key={m.id}>
            <input
              type="checkbox"
              id={`cover-${m.id}`}
              name="methodId"
              value={m.id}
              defaultChecked={m.covered}
            />
            <label htmlFor={`cover-${m.id}`}>{m.label}</label>
          </div>
        ))}
      </fieldset>
      <Button type="submit" busy={save.isPending}>
        {t('training.coverage.save')}
      </Button>
      <Notice message={notice} />
      <RequestError error={save.isError ? save.error : null} />
    </form>
  );
}

/** Resource persons: "Metoder jeg kan træne i" — the proposals for these methods come to them. */
export function CoverageSection() {
  const { t } = useTranslation();
  const query = useCoverage(true);
  if (query.isError && isForbidden(query.error)) return null;
  return (
    <section className="card training-card" aria-labelledby="training-coverage">
      <h2 id="training-coverage">{t('training.coverage.heading')}</h2>
      <p className="hint">{t('training.coverage.hint')}</p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <RequestError error={query.error} />
      ) : (
        <Form coverage={query.data} />
      )}
    </section>
  );
}
