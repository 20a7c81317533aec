import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { addObserver, removeObserver, useLeadRefresh, useObservers } from '../../../api/observation-lead';
import { usePeople } from '../../../api/people';
import { Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { PersonPicker } from '../../../components/PersonPicker';
import { QueryView } from '../../../components/QueryView';
import { useWords } from '../../../i18n/words';
import { formatDate } from '../data/format';

/** Enter in the person search narrows the list; it must not submit the form. */
export function keepSearchInPlace(e: KeyboardEvent<HTMLFormElement>) {
  if (e.key === 'Enter' && (e.target as HTMLElement).matches('input[type="search"]')) e.preventDefault();
}

/** Learning guides delegated visits: the list, add a person of the institution, remove. */
export function SetupObservers({ institutionId }: { institutionId: string }) {
  const { t } = useWords(institutionId);
  const observers = useObservers(institutionId);
  const refresh = useLeadRefresh(institutionId);
  const [q, setQ] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | undefined>();
  const people = usePeople({ institutionId, q: q.trim() || undefined, limit: 50 });
  const current = new Set(observers.data?.observers.map((o) => o.id) ?? []);
  const candidates = (people.data?.pages[0]?.items ?? []).filter((p) => !current.has(p.id));

  const add = useMutation({
    mutationFn: (p: { id: string; name: string }) => addObserver(institutionId, p.id),
    onMutate: () => setNotice(null),
    onSuccess: async (_, p) => {
      setNotice(t('observationLead.observers.added', { name: p.name }));
      await refresh('observers');
    },
  });
  const remove = useMutation({
    mutationFn: (p: { id: string; name: string }) => removeObserver(institutionId, p.id),
    onMutate: () => setNotice(null),
    onSuccess: async (_, p) => {
      setNotice(t('observationLead.observers.removed', { name: p.name }));
      await refresh('observers');
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const id = String(new FormData(e.currentTarget).get('personId') ?? '');
    const p = candidates.find((c) => c.id === id);
    setPickError(p ? undefined : t('observationLead.observers.pickSomeone'));
    if (p && !add.isPending) add.mutate({ id: p.id, name: p.name });
  }

  return (
    <section className="card obsl-section" aria-labelledby="obsl-observers">
      <h2 id="obsl-observers">{t('observationLead.observers.heading')}</h2>
      <p>{t('observationLead.observers.intro')}</p>
      <Notice message={notice} />
      <RequestError error={remove.isError ? remove.error : null} />
      <QueryView
        query={observers}
        empty={observers.isSuccess && !observers.data.observers.length && t('observationLead.observers.none')}
      >
        {(data) => (
          <ul className="plain-list obsl-people" aria-labelledby="obsl-observers">
            {data.observers.map((o) => (
              <li key={o.id}>
                <span className="break">
                  <strong>{o.name}</strong>{' '}
                  <span className="muted">
                    {t('observationLead.observers.since', { when: formatDate(o.since) })}
                  </span>
                </span>
                <Button
                  variant="link"
                  busy={remove.isPending && remove.variables?.id === o.id}
                  onClick={() => remove.mutate({ id: o.id, name: o.name })}
                >
                  {t('observationLead.observers.remove')}
                  <span className="sr-only"> {o.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <form noValidate onSubmit={submit} onKeyDown={keepSearchInPlace} className="obsl-add-observer">
        <h3>{t('observationLead.observers.addHeading')}</h3>
        <div className="form-row">
          <PersonPicker
            q={q}
            onQ={setQ}
            candidates={candidates}
            busy={people.isFetching}
            error={pickError}
            labels={{
              filter: t('observationLead.observers.filter'),
              person: t('observationLead.observers.person'),
              none: t('observationLead.observers.noCandidates'),
            }}
          />
        </div>
        <RequestError error={add.isError ? add.error : null} />
        <Button type="submit" variant="secondary" busy={add.isPending}>
          {t('observationLead.observers.add')}
        </Button>
      </form>
    </section>
  );
}
