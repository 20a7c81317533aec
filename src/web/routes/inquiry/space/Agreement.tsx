import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INQUIRY_LIMITS } from '../../../../shared/inquiry';
import { ApiError } from '../../../api/client';
import { fetchTeamSpace, inquiryKeys, type TeamSpace, updateAgreement } from '../../../api/inquiry';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { formatDateTime } from '../../../i18n';

type Agreement = TeamSpace['agreement'];

/**
 * The team's samarbejdsaftale: read by everyone who sees the space, edited by the members. A save made from an
 * old version is refused by the server; then the other's text is shown beside one's own, which is kept, and the
 * next save goes on top of theirs.
 */
export function AgreementSection({ space }: { space: TeamSpace }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const a = space.agreement;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(a.text);
  const [version, setVersion] = useState(a.version);
  const [theirs, setTheirs] = useState<Agreement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function start() {
    setText(a.text);
    setVersion(a.version);
    setTheirs(null);
    setError(null);
    setSaved(null);
    setEditing(true);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await updateAgreement(space.team.id, { text, version });
      await qc.invalidateQueries({ queryKey: inquiryKeys.space(space.team.id) });
      setEditing(false);
      setTheirs(null);
      setSaved(t('inquiry.agreement.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'inquiry.stale') {
        const fresh = await fetchTeamSpace(space.team.id).catch(() => null);
        if (fresh) {
          setTheirs(fresh.agreement);
          setVersion(fresh.agreement.version);
          qc.setQueryData(inquiryKeys.space(space.team.id), fresh);
        }
        setError(err.message || t('inquiry.stale'));
      } else setError(err instanceof Error ? err.message : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card inquiry-section" aria-labelledby="agreement-heading">
      <div className="section-head">
        <h2 id="agreement-heading">{t('inquiry.agreement.title')}</h2>
        {space.member && !editing && (
          <Button variant="secondary" onClick={start}>
            {t('inquiry.agreement.edit')}
          </Button>
        )}
      </div>
      <Notice message={saved} />
      {!editing && (
        <>
          {a.text ? (
            <p className="inquiry-text">{a.text}</p>
          ) : (
            <p className="muted">
              {space.member ? t('inquiry.agreement.emptyMember') : t('inquiry.agreement.empty')}
            </p>
          )}
          {a.updatedAt && (
            <p className="hint">
              {t('inquiry.agreement.updated', {
                name: a.updatedBy?.name ?? t('inquiry.someone'),
                when: formatDateTime(a.updatedAt),
              })}
            </p>
          )}
        </>
      )}
      {editing && (
        <form onSubmit={save} noValidate>
          <ErrorAlert message={error} />
          {theirs && (
            <div className="inquiry-theirs">
              <h3>
                {t('inquiry.theirChange', {
                  name: theirs.updatedBy?.name ?? t('inquiry.someone'),
                  when: formatDateTime(theirs.updatedAt),
                })}
              </h3>
              <p className="inquiry-text">{theirs.text || t('inquiry.emptyText')}</p>
              <p className="hint">{t('inquiry.yoursKept')}</p>
            </div>
          )}
          <TextAreaField
            label={t('inquiry.agreement.label')}
            hint={t('inquiry.agreement.hint')}
            value={text}
            rows={8}
            maxLength={INQUIRY_LIMITS.agreement}
            optional
            onChange={(e) => setText(e.target.value)}
          />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {theirs ? t('inquiry.saveOnTop') : t('common.save')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
