import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS } from '../../shared/catalogue';
import { useTaxonomy } from '../api/catalogue';
import { api } from '../api/client';
import { type Interests, peopleKeys, useInterests } from '../api/people';
import { videoKeys } from '../api/videos';
import { Notice, RequestError } from '../components/Alert';
import { Button } from '../components/Button';
import { QueryView } from '../components/QueryView';

function Group({
  legend,
  name,
  options,
  chosen,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  chosen: string[];
}) {
  return (
    <fieldset className="checkbox-group interests-group">
      <legend>{legend}</legend>
      <div className="interests-options">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * On the profile (issue 15): the age bands, subjects/themes and methods the person works with; the home page
 * narrows to them. Never saved: the server's suggestion (from the workplace and teams), said as such.
 */
export function InterestsForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const interests = useInterests();
  const taxonomy = useTaxonomy();
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Omit<Interests, 'suggested'>) =>
      api<Interests>('/me/interests', { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData(peopleKeys.interests, saved);
      void qc.invalidateQueries({ queryKey: videoKeys.home() });
      setNotice(t('interests.saved'));
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const data = new FormData(e.currentTarget);
    const all = (name: string) => data.getAll(name).map(String);
    save.mutate({
      ageBands: all('ageBand') as Interests['ageBands'],
      subjectIds: all('subject'),
      methodIds: all('method'),
    });
  }
  const terms = (kind: 'subject' | 'method') =>
    (taxonomy.data?.items ?? [])
      .filter((x) => x.kind === kind)
      .map((x) => ({ value: x.id, label: x.label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'da'));
  return (
    <section aria-labelledby="profile-interests">
      <h2 id="profile-interests">{t('interests.heading')}</h2>
      <p className="muted">{t('interests.intro')}</p>
      <QueryView query={interests}>
        {(i) => (
          <form noValidate onSubmit={submit} key={JSON.stringify(i)}>
            {i.suggested && <p className="alert alert-info">{t('interests.suggested')}</p>}
            <RequestError error={save.error ?? taxonomy.error} />
            <Group
              legend={t('interests.ageBands')}
              name="ageBand"
              options={AGE_BANDS.map((b) => ({ value: b, label: t(`catalogue.ageBand.${b}`) }))}
              chosen={i.ageBands}
            />
            <Group
              legend={t('interests.subjects')}
              name="subject"
              options={terms('subject')}
              chosen={i.subjectIds}
            />
            <Group
              legend={t('interests.methods')}
              name="method"
              options={terms('method')}
              chosen={i.methodIds}
            />
            <Notice message={notice} />
            <Button type="submit" busy={save.isPending}>
              {t('interests.save')}
            </Button>
          </form>
        )}
      </QueryView>
    </section>
  );
}
