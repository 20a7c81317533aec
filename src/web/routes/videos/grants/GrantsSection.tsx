import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Grant, useGrantCandidates, useGrantMutations, useGrants } from '../../../api/grants';
import type { VideoView } from '../../../api/videos';
import { RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialogs';
import { TextField } from '../../../components/Field';
import { PersonPicker } from '../../../components/PersonPicker';
import { QueryView } from '../../../components/QueryView';
import { formatDay } from './format';
import './grants.css';

/** Who the share is with, and until when. */
function GrantRow({ grant, onRevoke }: { grant: Grant; onRevoke: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const who = grant.person.name;
  return (
    <li className="grant-row">
      <div>
        <strong className="break">{who}</strong>
        {grant.person.institutions.length > 0 && (
          <span className="muted"> · {grant.person.institutions.join(', ')}</span>
        )}
        <div className="hint">
          {grant.expiresOn ? t('grants.until', { date: formatDay(grant.expiresOn) }) : t('grants.noEnd')}
        </div>
      </div>
      <ConfirmDialog
        triggerLabel={t('grants.revoke')}
        triggerContext={who}
        title={t('grants.revokeTitle', { name: who })}
        confirmLabel={t('grants.revoke')}
        onConfirm={onRevoke}
      >
        <p>{t('grants.revokeText', { name: who })}</p>
      </ConfirmDialog>
    </li>
  );
}

/**
 * "Del med kollegaer" (issue 19, V10), on the owner's own video page: who can see the recording, said plainly;
 * sharing it with chosen colleagues in the kommune (optionally until a day); taking a share back; downloads.
 */
export function GrantsSection({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const owner = video.widestVisibility !== undefined;
  const grants = useGrants(video.id, owner);
  const [q, setQ] = useState('');
  const candidates = useGrantCandidates(video.id, q.trim(), owner);
  const m = useGrantMutations(video.id);
  const [pickError, setPickError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  if (!owner) return null;
  const items = grants.data?.items ?? [];
  const shared = items.map((g) => g.person.id);
  const people = (candidates.data?.items ?? []).filter((p) => !shared.includes(p.id));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const personId = String(form.get('personId') ?? '');
    const expiresOn = String(form.get('expiresOn') ?? '');
    setDone(null);
    if (!personId) {
      setPickError(t('grants.choosePerson'));
      return;
    }
    setPickError(undefined);
    const name = people.find((p) => p.id === personId)?.name ?? '';
    m.create.mutate(
      { personId, expiresOn: expiresOn || null },
      { onSuccess: () => setDone(t('grants.shared', { name })) },
    );
  }

  return (
    <section className="card video-grants" aria-labelledby="grants-heading">
      <h2 id="grants-heading">{t('grants.title')}</h2>
      <p className="alert alert-info" data-testid="who-sees">
        {video.visibility === 'private'
          ? t('grants.whoPrivate')
          : t('grants.whoWider', { visibility: t(`visibility.short.${video.visibility}`) })}
      </p>
      <QueryView query={grants}>
        {(data) =>
          !data.consentAllowsSharing ? (
            <p className="alert alert-info">{t('grants.needsConsent')}</p>
          ) : (
            <>
              <p className="hint">{t('grants.intro')}</p>
              <form noValidate onSubmit={submit} className="grant-form">
                <PersonPicker
                  q={q}
                  onQ={setQ}
                  candidates={people}
                  busy={candidates.isFetching}
                  error={pickError}
                  labels={{
                    filter: t('grants.filter'),
                    person: t('grants.person'),
                    none: t('grants.nobody'),
                  }}
                />
                <TextField
                  label={t('grants.expiresOn')}
                  hint={t('grants.expiresHint')}
                  name="expiresOn"
                  type="date"
                  optional
                />
                <RequestError error={m.create.error} />
                <p role="status" className="sr-only">
                  {done ?? ''}
                </p>
                <Button type="submit" busy={m.create.isPending}>
                  {t('grants.share')}
                </Button>
              </form>
              <h3 id="grants-list-heading">{t('grants.list')}</h3>
              {items.length === 0 ? (
                <p className="hint">{t('grants.none')}</p>
              ) : (
                <ul className="grant-list" aria-labelledby="grants-list-heading">
                  {items.map((g) => (
                    <GrantRow key={g.id} grant={g} onRevoke={() => m.revoke(g.id)} />
                  ))}
                </ul>
              )}
              <h3 id="grants-download-heading">{t('grants.download')}</h3>
              <div className="checkbox">
                <input
                  id="grants-download"
                  type="checkbox"
                  checked={data.downloadAllowed}
                  disabled={m.download.isPending}
                  onChange={(e) => m.download.mutate(e.target.checked)}
                />
                <label htmlFor="grants-download">{t('grants.downloadAllowed')}</label>
              </div>
              <RequestError error={m.download.error} />
              <p>
                <a href={`/api/v1/videos/${video.id}/download`} download>
                  {t('grants.downloadOriginal')}
                </a>
              </p>
            </>
          )
        }
      </QueryView>
    </section>
  );
}
