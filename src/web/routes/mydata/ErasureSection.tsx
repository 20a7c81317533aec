import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { erasePerson, useErasurePreview } from '../../api/mydata';
import { ErrorAlert, Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

/**
 * Administrators, on a person's page (issue 20 part 3): first what erasing them removes, makes anonymous and keeps
 * (and why), then the erasure itself, confirmed by typing their name.
 */
export function ErasureSection({ person }: { person: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const preview = useErasurePreview(person.id, open);
  const form = useForm(['confirmName'] as const);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const qc = useQueryClient();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const confirmName = String(new FormData(e.currentTarget).get('confirmName') ?? '');
    if (
      form.invalid({
        confirmName: confirmName.trim() === person.name.trim() ? undefined : t('mydata.erase.typeName'),
      })
    )
      return;
    setBusy(true);
    try {
      await erasePerson(person.id, confirmName);
      void qc.invalidateQueries({ queryKey: ['people'] });
      navigate('/organisation/personer', {
        state: { notice: t('mydata.erase.done', { name: person.name }) },
      });
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="person-erase">
      <h2 id="person-erase">{t('mydata.erase.title')}</h2>
      <p>{t('mydata.erase.intro')}</p>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('mydata.erase.show')}
        </Button>
      ) : preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <RequestError error={preview.error} />
      ) : (
        <>
          {(['remove', 'anonymise', 'keep'] as const).map((action) => (
            <div key={action}>
              <h3>{t(`mydata.erase.${action}`)}</h3>
              <ul>
                {preview.data.lines
                  .filter((l) => l.action === action)
                  .map((l) => (
                    <li key={l.kind}>
                      {t(`mydata.erase.kind.${l.kind}`)}
                      {l.count !== null ? `: ${l.count}` : ''}
                    </li>
                  ))}
              </ul>
              {action === 'remove' && preview.data.videos.length > 0 && (
                <p>
                  {t('mydata.erase.videos', { count: preview.data.videos.length })}{' '}
                  {preview.data.videos.map((v) => v.title).join(', ')}
                </p>
              )}
              {action === 'remove' && preview.data.hiddenVideos > 0 && (
                <p>{t('mydata.erase.hiddenVideos', { count: preview.data.hiddenVideos })}</p>
              )}
            </div>
          ))}
          <p className="muted">{t('mydata.erase.why')}</p>
          {preview.data.blockedBy ? (
            <p role="alert">
              {preview.data.blockedBy === 'mydata.erase_self'
                ? t('mydata.erase.blockedSelf')
                : t('mydata.erase.blockedLastAdmin')}
            </p>
          ) : (
            <form ref={form.formRef} noValidate onSubmit={submit}>
              <ErrorAlert message={form.summary} />
              <TextField
                label={t('mydata.erase.confirmLabel', { name: person.name })}
                name="confirmName"
                autoComplete="off"
                error={form.errors.confirmName}
              />
              <Button type="submit" variant="danger" busy={busy}>
                {t('mydata.erase.confirm')}
              </Button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
