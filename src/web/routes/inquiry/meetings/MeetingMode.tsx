import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type LiveStatus,
  type Meeting,
  meetingApi,
  useLiveMeeting,
  useMeeting,
  useMeetingAction,
} from '../../../api/meetings';
import { useMe } from '../../../api/people';
import { Loading, Notice, RequestError } from '../../../components/Alert';
import { TextAreaField, TextField } from '../../../components/Field';
import { usePageTitle } from '../../../components/usePageTitle';
import { NotThere } from '../common';
import './meetings.css';

/** Meeting mode (issue 16, T3): the shared screen and each member's phone, both fed by the live stream. */

const openRound = (m: Meeting) => m.rounds.find((r) => !r.endedAt) ?? null;
const lastRound = (m: Meeting) => m.rounds[m.rounds.length - 1] ?? null;

/** Seconds left of the current turn, by the server's clock; ticks every second. */
function useSecondsLeft(round: Meeting['rounds'][number] | null, offset: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!round || round.endedAt) return null;
  return Math.round(round.turnSeconds - (now + offset - new Date(round.turnStartedAt).getTime()) / 1000);
}

const clock = (s: number) =>
  `${s < 0 ? '−' : ''}${Math.floor(Math.abs(s) / 60)}:${String(Math.abs(s) % 60).padStart(2, '0')}`;

function LiveBadge({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return (
    <p className={`live-badge live-${status}`} role="status">
      {t(`meetings.live.${status}`)}
    </p>
  );
}

function useLivePage() {
  const { id } = useParams();
  const q = useMeeting(id);
  const live = useLiveMeeting(q.data ? id : undefined);
  const me = useMe().data;
  return { id, q, live, meId: me?.id };
}

/** The facilitator's controls: start, rounds (prompt, speakers, seconds), next turn, end. */
function RunControls({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState('');
  const [speakers, setSpeakers] = useState(() => m.members.map((p) => p.id));
  const [seconds, setSeconds] = useState(120);
  const act = useMeetingAction(m.id, (call: () => Promise<Meeting>) => call());
  const round = openRound(m);
  const names = new Map(m.members.map((p) => [p.id, p.name]));
  const start = (e: FormEvent) => {
    e.preventDefault();
    act.mutate(() => meetingApi.startRound(m.id, { prompt, speakerIds: speakers, turnSeconds: seconds }), {
      onSuccess: () => setPrompt(''),
    });
  };
  if (m.state === 'ended') return null;
  return (
    <section className="meeting-run no-print" aria-labelledby="run-heading">
      <h2 id="run-heading">{t('meetings.run.heading')}</h2>
      {act.error ? <RequestError error={act.error} /> : null}
      {round ? (
        <div className="meeting-run-buttons">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => act.mutate(() => meetingApi.next(round.id))}
          >
            {t('meetings.run.next')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => act.mutate(() => meetingApi.endRound(round.id))}
          >
            {t('meetings.run.endRound')}
          </button>
        </div>
      ) : (
        <form onSubmit={start}>
          <TextField
            label={t('meetings.run.prompt')}
            maxLength={500}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
          />
          <fieldset className="field">
            <legend>{t('meetings.run.speakers')}</legend>
            <ol className="speaker-order">
              {speakers.map((s, i) => (
                <li key={s}>
                  <span>{names.get(s)}</span>
                  {i > 0 && (
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      aria-label={t('meetings.run.up', { name: names.get(s) })}
                      onClick={() =>
                        setSpeakers((l) => {
                          const c = [...l];
                          [c[i - 1], c[i]] = [c[i], c[i - 1]];
                          return c;
                        })
                      }
                    >
                      ↑
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </fieldset>
          <TextField
            label={t('meetings.run.seconds')}
            type="number"
            min={10}
            max={1800}
            value={String(seconds)}
            onChange={(e) => setSeconds(Number(e.target.value) || 120)}
          />
          <button type="submit" className="btn btn-primary">
            {t('meetings.run.startRound')}
          </button>
        </form>
      )}
      <div className="meeting-run-buttons">
        {m.state === 'planned' && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => act.mutate(() => meetingApi.start(m.id))}
          >
            {t('meetings.run.start')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => act.mutate(() => meetingApi.end(m.id))}
        >
          {t('meetings.run.end')}
        </button>
      </div>
    </section>
  );
}

/** /moede/:id/skaerm — the shared screen: whose turn, a countdown, contributions as they come. */
export function ScreenPage() {
  const { t } = useTranslation();
  const { q, live, meId } = useLivePage();
  const m = q.data;
  usePageTitle(m ? `${t('meetings.screen.title')}: ${m.title}` : undefined);
  const round = m ? (openRound(m) ?? lastRound(m)) : null;
  const left = useSecondsLeft(round, live.offset);
  if (q.isPending || q.error || !m)
    return (
      <main id="main" className="meeting-screen">
        {q.isPending ? <Loading /> : <NotThere back="/team" backLabel={t('meetings.backToTeam')} />}
      </main>
    );
  const speaker = round && !round.endedAt ? round.speakers[round.turn] : null;
  const next = round && !round.endedAt ? round.speakers[round.turn + 1] : null;
  const runs =
    !m.facilitator || m.facilitator.id === meId || !m.members.some((p) => p.id === m.facilitator?.id);
  return (
    <main id="main" className="meeting-screen">
      <div className="meeting-screen-head">
        <h1>{m.title}</h1>
        <LiveBadge status={live.status} />
        <Link to={`/moede/${m.id}`} className="no-print">
          {t('meetings.backToMeeting')}
        </Link>
      </div>
      {!round ? (
        <p className="meeting-big muted">{t('meetings.screen.noRound')}</p>
      ) : (
        <>
          <p className="meeting-prompt">{round.prompt}</p>
          {speaker ? (
            <div className="meeting-turn">
              <div>
                <p className="meeting-label">{t('meetings.screen.turn')}</p>
                <p className="meeting-speaker">{speaker.name}</p>
                <p className="meeting-next">
                  {next ? t('meetings.screen.next', { name: next.name }) : t('meetings.screen.lastSpeaker')}
                </p>
              </div>
              {left !== null && (
                <div
                  className={`meeting-timer${left < 0 ? ' is-over' : left <= 10 ? ' is-low' : ''}`}
                  role="timer"
                  aria-label={t('meetings.screen.timeLeft')}
                >
                  <p className="meeting-label">
                    {left < 0 ? t('meetings.screen.overtime') : t('meetings.screen.timeLeft')}
                  </p>
                  <p className="meeting-clock">{clock(left)}</p>
                </div>
              )}
            </div>
          ) : (
            <p className="meeting-big">{t('meetings.screen.roundEnded')}</p>
          )}
          <section aria-labelledby="contrib-heading">
            <h2 id="contrib-heading">{t('meetings.screen.contributions')}</h2>
            <ul className="meeting-contributions" aria-live="polite">
              {round.contributions.length === 0 && (
                <li className="muted">{t('meetings.screen.noContributions')}</li>
              )}
              {round.contributions.map((c) => (
                <li key={c.id}>
                  <p>{c.body}</p>
                  <p className="meeting-author">{c.author.name}</p>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      {runs ? <RunControls m={m} /> : <p className="muted">{t('meetings.run.onlyFacilitator')}</p>}
    </main>
  );
}

const newKey = () =>
  (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/[^A-Za-z0-9_-]/g, '');

/** /moede/:id/telefon — my turn or who is next, and a box for my contribution (a resend is stored once). */
export function PhonePage() {
  const { t } = useTranslation();
  const { q, live, meId } = useLivePage();
  const m = q.data;
  usePageTitle(m ? `${t('meetings.phone.title')}: ${m.title}` : undefined);
  const round = m ? openRound(m) : null;
  const left = useSecondsLeft(round, live.offset);
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newKey);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.error || !m) return <NotThere back="/team" backLabel={t('meetings.backToTeam')} />;
  const mine = round ? round.speakers.findIndex((s) => s.id === meId) : -1;
  const speaker = round ? round.speakers[round.turn] : null;
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!round) return;
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      // The same key until it is stored: a resend after bad wifi is the same contribution.
      await meetingApi.contribute(round.id, { body, clientKey: key });
      setBody('');
      setKey(newKey());
      setSent(t('meetings.phone.sent'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="meeting-phone">
      <h1>{m.title}</h1>
      <LiveBadge status={live.status} />
      {!round ? (
        <p className="meeting-phone-status">{t('meetings.phone.waiting')}</p>
      ) : (
        <>
          <p className="meeting-prompt">{round.prompt}</p>
          <div className={`meeting-phone-status${mine === round.turn ? ' is-mine' : ''}`}>
            {mine === round.turn ? (
              <p className="meeting-phone-big">{t('meetings.phone.myTurn')}</p>
            ) : mine === round.turn + 1 ? (
              <p className="meeting-phone-big">{t('meetings.phone.nextIsMe')}</p>
            ) : (
              speaker && (
                <p className="meeting-phone-big">{t('meetings.phone.turnOf', { name: speaker.name })}</p>
              )
            )}
            {left !== null && <p className="meeting-clock-small">{clock(left)}</p>}
            <p>
              {mine >= 0 ? t('meetings.phone.position', { n: mine + 1 }) : t('meetings.phone.notSpeaker')}
            </p>
          </div>
          <form onSubmit={send}>
            <TextAreaField
              label={t('meetings.phone.contribution')}
              rows={4}
              maxLength={2000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
            {error ? <RequestError error={error} /> : null}
            <Notice message={sent} />
            <button type="submit" className="btn btn-primary meeting-send" disabled={busy || !body.trim()}>
              {t('meetings.phone.send')}
            </button>
          </form>
          {round.contributions.some((c) => c.author.id === meId) && (
            <section aria-labelledby="mine-heading">
              <h2 id="mine-heading">{t('meetings.phone.mine')}</h2>
              <ul className="meeting-contributions">
                {round.contributions
                  .filter((c) => c.author.id === meId)
                  .map((c) => (
                    <li key={c.id}>
                      <p>{c.body}</p>
                    </li>
                  ))}
              </ul>
            </section>
          )}
        </>
      )}
      <p>
        <Link to={`/moede/${m.id}`}>{t('meetings.backToMeeting')}</Link>
      </p>
    </div>
  );
}
