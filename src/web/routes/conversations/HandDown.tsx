import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { type ConversationDetail, handDownCycle } from '../../api/conversations';
import { useInquiryRefresh, useMyTeams, useTemplates } from '../../api/inquiry';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';

/**
 * The unit's agreed focus handed down: as the question of a new inquiry cycle in one of my teams at the unit, or
 * (leaders) as a new learning focus area in the observation setup, filled in for the leader to review and save.
 */
export function HandDown({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refreshInquiry = useInquiryRefresh();
  const myTeams = useMyTeams();
  const teams = (myTeams.data?.items ?? []).filter((x) => x.institution.id === detail.institution.id);
  const [teamId, setTeamId] = useState('');
  const chosen = teamId || teams[0]?.id || '';
  const templates = useTemplates(chosen || undefined);
  const [templateId, setTemplateId] = useState('');
  const template = templateId || templates.data?.items[0]?.id || '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const focus = detail.record.focus.trim();
  if (!focus || detail.state !== 'shared') return null;
  if (!teams.length && !detail.can.observationFocus) return null;

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const { cycleId } = await handDownCycle(detail.id, { teamId: chosen, templateId: template });
      await refreshInquiry();
      navigate(`/forloeb/${cycleId}`, { state: { notice: t('conversations.handDown.started') } });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <section className="card stack conv-handdown" aria-labelledby="conv-handdown">
      <h2 id="conv-handdown">{t('conversations.handDown.heading')}</h2>
      <p>
        <strong>{t('conversations.record.focus')}:</strong> {focus}
      </p>
      <ErrorAlert message={error} />
      {teams.length > 0 && (
        <div className="stack">
          <h3>{t('conversations.handDown.cycle')}</h3>
          <p className="hint">{t('conversations.handDown.cycleHint')}</p>
          {teams.length > 1 && (
            <SelectField
              label={t('conversations.handDown.team')}
              value={chosen}
              onChange={(e) => setTeamId(e.target.value)}
            >
              {teams.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </SelectField>
          )}
          {(templates.data?.items.length ?? 0) > 1 && (
            <SelectField
              label={t('conversations.handDown.template')}
              value={template}
              onChange={(e) => setTemplateId(e.target.value)}
            >
              {templates.data?.items.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </SelectField>
          )}
          <div className="form-actions">
            <Button busy={busy} disabled={!template} onClick={start}>
              {teams.length === 1
                ? t('conversations.handDown.startIn', { team: teams[0].name })
                : t('conversations.handDown.start')}
            </Button>
          </div>
        </div>
      )}
      {detail.can.observationFocus && (
        <div className="stack">
          <h3>{t('conversations.handDown.observation')}</h3>
          <p className="hint">{t('conversations.handDown.observationHint')}</p>
          <p>
            <Link
              className="btn btn-secondary"
              to={`/observation/opsaetning?institution=${detail.institution.id}&fokus=${encodeURIComponent(focus.slice(0, 200))}`}
            >
              {t('conversations.handDown.observationLink')}
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}
