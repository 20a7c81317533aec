import { useTranslation } from 'react-i18next';
import { blankDepartment } from '../../../../shared/survey';
import type { Round } from '../../../api/survey-admin';
import { TableWrap } from '../../../components/TableWrap';
import { currentLocale } from '../../../i18n';
import { formatRate, groupResponse, lineKind } from './helpers';

type Line = Round['response'][number];

/** A line's name: the institution as a whole, a department ("Ledelsen" / "Uden afdeling" for none), a role group, or both. */
function lineLabel(t: (k: string, o?: Record<string, unknown>) => string, l: Line, lines: Line[]) {
  const dept =
    l.department === ''
      ? t(`surveyAdmin.round.blankDepartment.${blankDepartment(l.roleGroup, lines, l.institutionId)}`)
      : l.department;
  const role = l.roleGroup && t(`surveyAdmin.roleGroup.${l.roleGroup}`);
  switch (lineKind(l)) {
    case 'total':
      return t('surveyAdmin.round.wholeInstitution');
    case 'department':
      return dept;
    case 'role':
      return t('surveyAdmin.round.allRole', { role });
    default:
      return `${dept} · ${role}`;
  }
}

/**
 * The response per institution, department and role group — counts only, and withheld for groups below the round's
 * minimum (the server decides what is withheld; a withheld line says so instead of showing a number).
 */
export function ResponseTable({ round }: { round: Round }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const groups = groupResponse(round.institutions, round.response);
  const anyWithheld = round.response.some((l) => l.answered === null);
  return (
    <>
      {groups.map((g) => (
        <section key={g.id} className="survey-response" aria-labelledby={`survey-resp-${g.id}`}>
          <h3 id={`survey-resp-${g.id}`}>{g.name}</h3>
          {g.total === null && g.lines.length === 0 ? (
            <p className="muted">{t('surveyAdmin.round.noLines')}</p>
          ) : (
            <TableWrap label={t('surveyAdmin.round.responseOf', { name: g.name })}>
              <table className="survey-response-table">
                <caption className="sr-only">{t('surveyAdmin.round.responseOf', { name: g.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('surveyAdmin.round.group')}</th>
                    <th scope="col" className="num">
                      {t('surveyAdmin.round.invited')}
                    </th>
                    <th scope="col" className="num">
                      {t('surveyAdmin.round.answered')}
                    </th>
                    <th scope="col" className="num">
                      {t('surveyAdmin.round.rate')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...(g.total ? [g.total] : []), ...g.lines].map((l) => (
                    <tr
                      key={`${l.department}|${l.roleGroup}`}
                      className={`survey-line-${lineKind(l)}${l.answered === null ? ' is-withheld' : ''}`}
                    >
                      <th scope="row">{lineLabel(t, l, round.response)}</th>
                      <td className="num">{l.invited}</td>
                      {l.answered === null ? (
                        <td colSpan={2} className="survey-withheld">
                          {t('surveyAdmin.round.withheld', { n: round.minGroup })}
                        </td>
                      ) : (
                        <>
                          <td className="num">{l.answered}</td>
                          <td className="num">{formatRate(l.rate, locale)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      ))}
      {anyWithheld && <p className="hint">{t('surveyAdmin.round.withheldNote', { n: round.minGroup })}</p>}
    </>
  );
}
