import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INQUIRY_LIMITS } from '../../../../shared/inquiry';
import { errorMessage } from '../../../api/client';
import { type CycleDetail, putReflection, useInquiryRefresh } from '../../../api/inquiry';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { formatDateTime } from '../../../i18n';

/** Each member's own reflection on the loop: one's own to write, the others' to read. */
export function Reflections({ cycle, meId }: { cycle: CycleDetail; meId: string }) {
  const { t } = useTranslation();
  const refresh = useInquiryRefresh();
  const mine = cycle.reflections.find((r) => r.person.id === meId);
  const [text, setText] = useState(mine?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canWrite = cycle.canWrite && cycle.members.some((m) => m.id === meId);
  const others = cycle.members.filter((m) => m.id !== meId || !canWrite);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await putReflection(cycle.id, text.trim());
      await refresh();
      setSaved(t('inquiry.reflections.saved'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card inquiry-section" aria-labelledby="reflections-heading">
      <h2 id="reflections-heading">{t('inquiry.reflections.heading')}</h2>
      <p className="hint">{t('inquiry.reflections.intro')}</p>
      {canWrite && (
        <form onSubmit={save} noValidate>
          <ErrorAlert message={error} />
          <Notice message={saved} />
          <TextAreaField
            label={t('inquiry.reflections.mine')}
            value={text}
            rows={4}
            maxLength={INQUIRY_LIMITS.field}
            optional
            onChange={(e) => setText(e.target.value)}
          />
          <div className="form-actions">
            <Button type="submit" variant="secondary" busy={busy}>
              {t('inquiry.reflections.save')}
            </Button>
          </div>
        </form>
      )}
      <ul className="plain-list inquiry-reflections" aria-label={t('inquiry.reflections.others')}>
        {others.map((m) => {
          const r = cycle.reflections.find((x) => x.person.id === m.id);
          return (
            <li key={m.id}>
              <p>
                <strong>{m.name}</strong>
                {r && <span className="hint"> · {formatDateTime(r.updatedAt)}</span>}
              </p>
              <p className={r?.body ? 'inquiry-text' : 'muted'}>
                {r?.body || t('inquiry.reflections.notYet')}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
