import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOCIAL_CAPITAL_DIMENSIONS, SURVEY_DIMENSIONS } from '../../../../shared/survey';
import { SelectField } from '../../../components/Field';
import { currentLocale } from '../../../i18n';
import type { ResultGroup, Results } from './api';
import { formatScore, formatShare } from './format';
import { departmentLabel, groupLabel } from './labels';
import { SurveyTable } from './SurveyTable';

type LabelOpts = { showInstitution: boolean; whole: 'kommune' | 'institution' };

/** Scores per group: the four social-capital dimensions, their mean (social capital) and PLF; withheld lines say so. */
export function GroupsTable({ results, opts }: { results: Results; opts: LabelOpts }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns = [...SOCIAL_CAPITAL_DIMENSIONS, 'socialCapital', 'plf'] as const;
  return (
    <SurveyTable caption={t('survey.results.groupsCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('survey.results.group')}</th>
          <th scope="col" className="num">
            {t('survey.results.answeredCol')}
          </th>
          {columns.map((c) => (
            <th key={c} scope="col" className={`num${c === 'socialCapital' ? ' sv-key' : ''}`}>
              {c === 'socialCapital' ? t('survey.socialCapital') : t(`survey.dimensionShort.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.groups.map((g) => (
          <tr
            key={`${g.institutionId}-${g.department}-${g.roleGroup}`}
            className={
              g.withheld
                ? 'sv-withheld'
                : g.department === null && g.roleGroup === null
                  ? 'sv-total'
                  : undefined
            }
          >
            <th scope="row">{groupLabel(t, g, { ...opts, lines: results.groups })}</th>
            {g.withheld ? (
              <td colSpan={columns.length + 1}>
                {t('survey.results.withheld', { n: results.round.minGroup })}
              </td>
            ) : (
              <>
                <td className="num">
                  {g.invited
                    ? t('survey.results.answeredOf', { answered: g.answered ?? '–', invited: g.invited })
                    : (g.answered ?? '–')}
                </td>
                {columns.map((c) => (
                  <td key={c} className={`num${c === 'socialCapital' ? ' sv-key' : ''}`}>
                    {formatScore(c === 'socialCapital' ? g.socialCapital : g.scores[c], locale)}
                  </td>
                ))}
              </>
            )}
          </tr>
        ))}
      </tbody>
    </SurveyTable>
  );
}

/** Each statement's mean (0–100) and "ved ikke" share for one shown group, picked in a list. */
export function ItemsTable({ results, opts }: { results: Results; opts: LabelOpts }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const shown = results.groups.filter((g) => !g.withheld);
  const [picked, setPicked] = useState(0);
  const group: ResultGroup | undefined = shown[picked] ?? shown[0];
  if (!group) return null;
  const byItem = new Map(group.items.map((i) => [i.itemId, i]));
  const scale = results.items
    .filter((i) => i.kind === 'scale')
    .sort(
      (a, b) =>
        SURVEY_DIMENSIONS.indexOf(a.dimension ?? 'plf') - SURVEY_DIMENSIONS.indexOf(b.dimension ?? 'plf') ||
        a.position - b.position,
    );
  const text = (i: { textDa: string; textEn: string }) => (locale === 'en' && i.textEn ? i.textEn : i.textDa);
  return (
    <>
      {shown.length > 1 && (
        <SelectField
          label={t('survey.results.itemsGroup')}
          value={String(picked)}
          onChange={(e) => setPicked(Number(e.target.value))}
          className="sv-picker"
        >
          {shown.map((g, i) => (
            <option key={`${g.institutionId}-${g.department}-${g.roleGroup}`} value={i}>
              {groupLabel(t, g, { ...opts, lines: results.groups })}
            </option>
          ))}
        </SelectField>
      )}
      <SurveyTable
        caption={t('survey.results.itemsCaption', {
          group: groupLabel(t, group, { ...opts, lines: results.groups }),
        })}
        className="sv-items"
      >
        <thead>
          <tr>
            <th scope="col">{t('survey.results.statement')}</th>
            <th scope="col">{t('survey.results.dimension')}</th>
            <th scope="col" className="num">
              {t('survey.results.mean')}
            </th>
            <th scope="col" className="num">
              {t('survey.results.dontKnow')}
            </th>
          </tr>
        </thead>
        <tbody>
          {scale.map((item) => (
            <tr key={item.id}>
              <th scope="row">{text(item)}</th>
              <td>{item.dimension ? t(`survey.dimensionShort.${item.dimension}`) : ''}</td>
              <td className="num">{formatScore(byItem.get(item.id)?.mean, locale)}</td>
              <td className="num">{formatShare(byItem.get(item.id)?.dontKnow, locale)}</td>
            </tr>
          ))}
        </tbody>
      </SurveyTable>
    </>
  );
}

/** The open answers, per question and shown group (the server gives none for a withheld group). */
export function OpenAnswers({ results, showInstitution }: { results: Results; showInstitution: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const questions = results.items.filter((i) => i.kind === 'text');
  const withTexts = questions.filter((q) => results.texts.some((x) => x.itemId === q.id && x.texts.length));
  if (!withTexts.length) return <p className="muted">{t('survey.results.noTexts')}</p>;
  return (
    <>
      {withTexts.map((q) => (
        <section key={q.id} className="sv-texts" aria-labelledby={`sv-q-${q.id}`}>
          <h3 id={`sv-q-${q.id}`}>{locale === 'en' && q.textEn ? q.textEn : q.textDa}</h3>
          {results.texts
            .filter((x) => x.itemId === q.id && x.texts.length)
            .map((x) => {
              const where = [
                showInstitution ? x.institutionName : null,
                x.department === null ? null : departmentLabel(t, x.department),
              ]
                .filter(Boolean)
                .join(' · ');
              return (
                <div key={`${x.institutionName}-${x.department}`} className="sv-text-group">
                  {where && <h4>{where}</h4>}
                  <ul>
                    {x.texts.map((text, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: two people may write the same words
                      <li key={i}>{text}</li>
                    ))}
                  </ul>
                </div>
              );
            })}
        </section>
      ))}
    </>
  );
}
