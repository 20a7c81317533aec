import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Wheel, WheelItem } from '../../api/evaluation';
import { ConfirmDialog } from '../../components/Dialogs';
import { monthName, shortDay } from './format';
import { monthsOf } from './geometry';

type Actions = { onEdit: (item: WheelItem) => void; onDelete: (item: WheelItem) => Promise<unknown> };

/** Where an item comes from: "Fra kommunen", the institution, or the team's name. */
function Source({ item }: { item: WheelItem }) {
  const { t } = useTranslation();
  return (
    <span className={`eval-source eval-source-${item.scope}`}>
      {item.scope === 'kommune'
        ? t('evaluation.scopes.kommune')
        : t(`evaluation.planName.${item.scope}`, { name: item.ownerName })}
    </span>
  );
}

function Facts({ item }: { item: WheelItem }) {
  const { t } = useTranslation();
  const who = item.responsible?.name ?? item.responsibleText;
  return (
    <ul className="eval-facts">
      <li>
        {t('evaluation.list.collect', { from: shortDay(item.collectFrom), to: shortDay(item.collectTo) })}
      </li>
      {item.analyseOn && (
        <li>
          {item.meetingKind
            ? t('evaluation.list.analyseAt', {
                date: shortDay(item.analyseOn),
                meeting: `${t(`evaluation.meetings.${item.meetingKind}`)}${item.meetingTeam ? ` (${item.meetingTeam.name})` : ''}`,
              })
            : t('evaluation.list.analyse', { date: shortDay(item.analyseOn) })}
        </li>
      )}
      {item.meetings?.map((m) => (
        <li key={m.id}>
          <Link to={m.path}>
            {t(`evaluation.list.meetingLink.${m.kind}`, { title: m.title, date: shortDay(m.on) })}
          </Link>
        </li>
      ))}
      {item.groups && <li>{t('evaluation.list.for', { groups: item.groups })}</li>}
      {who && <li>{t('evaluation.list.responsible', { name: who })}</li>}
    </ul>
  );
}

/** The accessible list of every item (the wheel's real content): by collection start. */
export function ItemList({
  wheel,
  canAdd,
  actions,
  onSelect,
}: {
  wheel: Wheel;
  canAdd: boolean;
  actions: Actions;
  onSelect?: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  if (!wheel.items.length)
    return <p className="muted">{canAdd ? t('evaluation.list.noneEdit') : t('evaluation.list.none')}</p>;
  return (
    <ol className="eval-list" aria-label={t('evaluation.list.heading')}>
      {wheel.items.map((x) => (
        <li
          key={x.id}
          className={`eval-card eval-card-${x.scope}`}
          onMouseEnter={() => onSelect?.(x.id)}
          onMouseLeave={() => onSelect?.(null)}
          onFocus={() => onSelect?.(x.id)}
        >
          <div className="eval-card-head">
            <h3>{x.title}</h3>
            <span className="eval-kind">{t(`evaluation.kinds.${x.kind}`)}</span>
          </div>
          <Source item={x} />
          <Facts item={x} />
          {x.note && <p className="eval-note">{x.note}</p>}
          {x.surveyRoundId && (
            <p className="eval-note">
              <Link to="/medarbejderundersoegelse">
                {t('evaluation.list.surveyLink')}
                <span className="sr-only"> {x.title}</span>
              </Link>
            </p>
          )}
          {x.canEdit && (
            <div className="eval-card-actions">
              <button type="button" className="btn btn-secondary" onClick={() => actions.onEdit(x)}>
                {t('evaluation.form.edit')}
                <span className="sr-only"> {x.title}</span>
              </button>
              <ConfirmDialog
                triggerLabel={t('evaluation.form.delete')}
                triggerContext={x.title}
                title={t('evaluation.form.deleteTitle')}
                confirmLabel={t('evaluation.form.delete')}
                onConfirm={() => actions.onDelete(x)}
              >
                <p>{t('evaluation.form.deleteText', { title: x.title })}</p>
              </ConfirmDialog>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Month by month from August: what starts, runs and is analysed in each month. */
export function MonthList({ wheel }: { wheel: Wheel }) {
  const { t } = useTranslation();
  const months = monthsOf({ from: wheel.from, to: wheel.to });
  return (
    <div className="eval-months">
      {months.map((m, i) => {
        const start = m.day;
        const end = i === 11 ? wheel.to : months[i + 1].day;
        const inMonth = (d: string) => d >= start && (i === 11 ? d <= end : d < end);
        const rows: { key: string; text: string; when: string; on: string; item: WheelItem }[] = [];
        const window = (x: WheelItem) =>
          t('evaluation.list.collect', { from: shortDay(x.collectFrom), to: shortDay(x.collectTo) });
        for (const x of wheel.items) {
          if (inMonth(x.collectFrom))
            rows.push({
              key: `${x.id}-s`,
              text: t('evaluation.list.collectStarts', { title: x.title }),
              when: window(x),
              on: x.collectFrom,
              item: x,
            });
          else if (x.collectFrom < start && x.collectTo >= start)
            rows.push({
              key: `${x.id}-r`,
              text: t('evaluation.list.collectRuns', { title: x.title }),
              when: window(x),
              on: start,
              item: x,
            });
          if (x.analyseOn && inMonth(x.analyseOn))
            rows.push({
              key: `${x.id}-a`,
              text: t('evaluation.list.analyses', { title: x.title }),
              on: x.analyseOn,
              when: x.meetingKind
                ? t('evaluation.list.analyseAt', {
                    date: shortDay(x.analyseOn),
                    meeting: t(`evaluation.meetings.${x.meetingKind}`),
                  })
                : t('evaluation.list.analyse', { date: shortDay(x.analyseOn) }),
              item: x,
            });
        }
        // Under way first, then by day.
        rows.sort((a, b) => a.on.localeCompare(b.on));
        const id = `eval-month-${m.day}`;
        return (
          <section key={m.day} className="eval-month-block" aria-labelledby={id}>
            <h3 id={id}>{monthName(m.day)}</h3>
            {rows.length ? (
              <ul>
                {rows.map((r) => (
                  <li key={r.key} className={`eval-month-row eval-card-${r.item.scope}`}>
                    <strong>{r.text}</strong> <Source item={r.item} />
                    <div className="muted">{r.when}</div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('evaluation.list.monthEmpty')}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
