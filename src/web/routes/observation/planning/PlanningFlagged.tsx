import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { observationKeys, type VisitSummary } from '../../../api/observation';
import { leadKey, resolveFlag, useFlaggedVisits } from '../../../api/observation-lead';
import { Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { QueryView } from '../../../components/QueryView';
import { useWords } from '../../../i18n/words';
import { formatDate } from '../data/format';

type Decision = 'keep' | 'exclude';

/** Visits synced after the observer lost the role: the leader keeps them in the data or leaves them out. */
export function PlanningFlagged({ institutionId }: { institutionId: string }) {
  const { t } = useWords(institutionId);
  const qc = useQueryClient();
  const flagged = useFlaggedVisits(institutionId, true);
  const [notice, setNotice] = useState<string | null>(null);
  const resolve = useMutation({
    mutationFn: ({ visit, decision }: { visit: VisitSummary; decision: Decision }) =>
      resolveFlag(visit.id, decision),
    onMutate: () => setNotice(null),
    onSuccess: async (_, { visit, decision }) => {
      setNotice(
        t(`observationLead.flagged.${decision === 'keep' ? 'kept' : 'excluded'}`, {
          teacher: visit.teacher.name,
        }),
      );
      await qc.invalidateQueries({ queryKey: leadKey(institutionId, 'visits') });
      await qc.invalidateQueries({ queryKey: observationKeys.data });
    },
  });
  // Nothing waiting: say nothing (the section only appears when there is something to decide).
  if (flagged.isSuccess && !flagged.data.items.length && !notice) return null;
  return (
    <section className="card obsl-section obsl-flagged" aria-labelledby="obsl-flagged">
      <h2 id="obsl-flagged">{t('observationLead.flagged.heading')}</h2>
      <p>{t('observationLead.flagged.why')}</p>
      <Notice message={notice} />
      <RequestError error={resolve.isError ? resolve.error : null} />
      <QueryView
        query={flagged}
        empty={flagged.isSuccess && !flagged.data.items.length && t('observationLead.flagged.none')}
      >
        {(data) => (
          <ul className="plain-list obsl-people">
            {data.items.map((v) => (
              <li key={v.id}>
                <span className="break">
                  <Link to={`/observation/besoeg/${v.id}`}>
                    {t('observationLead.calendar.visitTitle', { teacher: v.teacher.name })}
                  </Link>{' '}
                  <span className="muted">
                    {t('observationLead.flagged.facts', {
                      date: formatDate(v.plannedFor),
                      observer: v.observer.name,
                    })}
                  </span>
                </span>
                <span className="page-actions">
                  <Button
                    variant="secondary"
                    busy={
                      resolve.isPending &&
                      resolve.variables?.visit.id === v.id &&
                      resolve.variables.decision === 'keep'
                    }
                    onClick={() => resolve.mutate({ visit: v, decision: 'keep' })}
                  >
                    {t('observationLead.flagged.keep')}
                    <span className="sr-only"> ({v.teacher.name})</span>
                  </Button>
                  <Button
                    variant="secondary"
                    busy={
                      resolve.isPending &&
                      resolve.variables?.visit.id === v.id &&
                      resolve.variables.decision === 'exclude'
                    }
                    onClick={() => resolve.mutate({ visit: v, decision: 'exclude' })}
                  >
                    {t('observationLead.flagged.exclude')}
                    <span className="sr-only"> ({v.teacher.name})</span>
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
