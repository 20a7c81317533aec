import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CONVERSATION_LIMITS } from '../../../shared/conversations';
import { errorMessage } from '../../api/client';
import {
  type ConversationSummary,
  createConversation,
  useConversationRefresh,
  useConversations,
} from '../../api/conversations';
import { ErrorAlert, Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDay } from './format';
import './conversations.css';

function Item({ c }: { c: ConversationSummary }) {
  const { t } = useTranslation();
  return (
    <li className="conv-item">
      <Link to={`/laeringssamtaler/${c.id}`} className="conv-item-title">
        {c.title}
      </Link>
      <span className={`badge ${c.state === 'shared' ? 'badge-active' : 'badge-info'}`}>
        {t(`conversations.state.${c.state}`)}
      </span>
      <p className="muted">
        {c.plannedOn ? formatDay(c.plannedOn) : t('conversations.noDate')} ·{' '}
        {t('conversations.themeCount', { count: c.themeCount })}
      </p>
      {c.focus && (
        <p>
          <strong>{t('conversations.record.focus')}:</strong> {c.focus}
        </p>
      )}
    </li>
  );
}

/** /laeringssamtaler — forvaltning: its units' packages and a new one; a leader: what is shared with the unit. */
export function ConversationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useConversationRefresh();
  const list = useConversations();
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ title?: string; unit?: string }>({});
  const [busy, setBusy] = useState(false);
  usePageTitle(t('conversations.title'));

  if (list.isPending) return <Loading />;
  if (list.isError) return <RequestError error={list.error} />;
  const { items, units } = list.data;
  const byUnit = new Map<string, { name: string; items: ConversationSummary[] }>();
  for (const c of items) {
    const entry = byUnit.get(c.institution.id) ?? { name: c.institution.name, items: [] };
    entry.items.push(c);
    byUnit.set(c.institution.id, entry);
  }

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget);
    const institutionId = String(data.get('institutionId') ?? '');
    const title = String(data.get('title') ?? '').trim();
    const plannedOn = String(data.get('plannedOn') ?? '') || null;
    const errs = {
      ...(!institutionId && { unit: t('conversations.new.unitMissing') }),
      ...(!title && { title: t('conversations.new.titleMissing') }),
    };
    setFieldError(errs);
    if (Object.keys(errs).length) {
      setError(t('errors.checkFields'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const made = await createConversation({ institutionId, title, plannedOn });
      await refresh(made);
      navigate(`/laeringssamtaler/${made.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="page-narrow conv-page">
      <h1>{t('conversations.title')}</h1>
      <p className="lead">
        {units.length ? t('conversations.introForvaltning') : t('conversations.introLeader')}
      </p>
      {units.length > 0 && (
        <form className="card stack" noValidate onSubmit={create} aria-labelledby="conv-new">
          <h2 id="conv-new">{t('conversations.new.heading')}</h2>
          <ErrorAlert message={error} />
          <SelectField
            name="institutionId"
            label={t('conversations.new.unit')}
            error={fieldError.unit}
            defaultValue=""
          >
            <option value="" disabled>
              {t('conversations.new.chooseUnit')}
            </option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField
            name="title"
            label={t('conversations.new.titleLabel')}
            hint={t('conversations.new.titleHint')}
            maxLength={CONVERSATION_LIMITS.title}
            error={fieldError.title}
          />
          <TextField name="plannedOn" type="date" label={t('conversations.new.plannedOn')} optional />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t('conversations.new.submit')}
            </Button>
          </div>
        </form>
      )}
      {items.length === 0 ? (
        <p className="muted">
          {units.length ? t('conversations.emptyForvaltning') : t('conversations.emptyLeader')}
        </p>
      ) : (
        [...byUnit].map(([id, unit]) => (
          <section key={id} className="conv-unit" aria-labelledby={`conv-unit-${id}`}>
            <h2 id={`conv-unit-${id}`}>{unit.name}</h2>
            <ul className="plain-list">
              {unit.items.map((c) => (
                <Item key={c.id} c={c} />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
