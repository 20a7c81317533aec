import { useTranslation } from 'react-i18next';
import type { ConversationFigure, ThemeFigures } from '../../api/conversations';
import { TableWrap } from '../../components/TableWrap';
import { FigureChart } from './FigureChart';
import { formatFigure } from './format';

/** Figures of one unit side by side in a chart only when they are read the same way (a mean on one scale, shares …). */
function groupsByUnit(figures: ConversationFigure[]) {
  const out = new Map<string, ConversationFigure[]>();
  for (const f of figures) {
    const key = `${f.unit}|${f.scale ? `${f.scale.min}-${f.scale.max}` : ''}|${f.unitLabel}`;
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return [...out.values()];
}

/** Figures under their headings (a focus area, a course list), in the order they come. */
function byGroup(figures: ConversationFigure[]): [string, ConversationFigure[]][] {
  const out = new Map<string, ConversationFigure[]>();
  for (const f of figures) out.set(f.group, [...(out.get(f.group) ?? []), f]);
  return [...out];
}

function Theme({ theme, index }: { theme: ThemeFigures; index: number }) {
  const { t } = useTranslation();
  const headingId = `conv-theme-${theme.key}`;
  return (
    <section className="card conv-theme" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="conv-priority">{t('conversations.figures.priority', { n: index + 1 })}</span>{' '}
        {theme.title}
      </h3>
      {theme.note && <p className="conv-note">{theme.note}</p>}
      {theme.about && <p className="muted">{theme.about}</p>}
      {theme.figures.length === 0 ? (
        <p className="muted">{t('conversations.figures.none')}</p>
      ) : (
        <>
          {groupsByUnit(theme.figures).map((figs) => {
            const shown = figs.filter((f) => f.value !== null);
            // Nothing but zeros says nothing a chart could show better than the table.
            if (!shown.some((f) => f.value !== 0)) return null;
            return (
              <FigureChart
                key={figs[0].key}
                kind="bars"
                unit={figs[0].unit}
                scale={figs[0].scale}
                data={shown.map((f) => ({
                  label: shown.some((o) => o !== f && o.label === f.label)
                    ? `${f.group}: ${f.label}`
                    : f.label,
                  value: f.value as number,
                  text: formatFigure(f.value, f.unit, f.unitLabel),
                }))}
              />
            );
          })}
          <TableWrap label={theme.title}>
            <table className="conv-table">
              <caption className="sr-only">{theme.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('conversations.figures.figure')}</th>
                  <th scope="col" className="num">
                    {t('conversations.figures.value')}
                  </th>
                </tr>
              </thead>
              {byGroup(theme.figures).map(([group, figs]) => (
                <tbody key={group || '-'}>
                  {group && (
                    <tr>
                      <th scope="rowgroup" colSpan={2} className="conv-group">
                        {group}
                      </th>
                    </tr>
                  )}
                  {figs.map((f) => (
                    <tr key={f.key}>
                      <th scope="row">{f.label}</th>
                      <td className="num">
                        {f.suppressed ? (
                          <span className="muted">{t('conversations.figures.hidden')}</span>
                        ) : f.value === null ? (
                          <span className="muted">{t('conversations.figures.noValue')}</span>
                        ) : (
                          formatFigure(f.value, f.unit, f.unitLabel)
                        )}
                        {f.unit === 'mean' && f.scale && f.value !== null && (
                          <span className="muted conv-scale">
                            {' '}
                            {t('conversations.figures.onScale', f.scale)}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}

/** The package's themes in priority order, each a chart with its table. */
export function FiguresView({ figures, draft }: { figures: ThemeFigures[]; draft: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="conv-figures" className="conv-figures">
      <h2 id="conv-figures">{t('conversations.figures.heading')}</h2>
      <p className="hint">{draft ? t('conversations.figures.live') : t('conversations.figures.frozen')}</p>
      {figures.length === 0 ? (
        <p className="muted">{t('conversations.figures.noThemes')}</p>
      ) : (
        figures.map((theme, i) => <Theme key={theme.key} theme={theme} index={i} />)
      )}
    </section>
  );
}
