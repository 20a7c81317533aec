import { type FormEvent, type RefObject, useState } from 'react';
import { FEEDBACK_KINDS, type FeedbackKind } from '../../../../shared/coaching';
import {
  type FocusArea,
  useFeedbackActions,
  usePromptSetActions,
  usePromptSets,
} from '../../../api/feedback';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { formatTime } from '../../../components/player/format';
import type { PlayerHandle } from '../../../components/player/Player';
import { useWords } from '../../../i18n/words';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A coach's own prompt sets: make one (a title, a kind, one prompt per line) or delete one. */
export function PromptSets() {
  const { t } = useWords();
  const sets = usePromptSets();
  const actions = usePromptSetActions();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<FeedbackKind>('question');
  const [lines, setLines] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const prompts = lines
        .split('\n')
        .map((text) => ({ kind, text: text.trim() }))
        .filter((p) => p.text);
      await actions.create.mutateAsync({ title, prompts });
      setTitle('');
      setLines('');
    } catch (err) {
      setError(message(err));
    }
  }
  return (
    <details className="feedback-prompt-sets">
      <summary>{t('feedback.prompts.manage')}</summary>
      {(sets.data?.items ?? []).length > 0 && (
        <ul>
          {sets.data?.items.map((s) => (
            <li key={s.id}>
              {s.title} ({t('feedback.prompts.count', { count: s.prompts.length })}){' '}
              <Button
                variant="link"
                aria-label={t('feedback.prompts.deleteNamed', { title: s.title })}
                onClick={() => {
                  if (window.confirm(t('feedback.prompts.confirmDelete', { title: s.title })))
                    void actions.remove.mutateAsync(s.id).catch((err) => setError(message(err)));
                }}
              >
                {t('feedback.delete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <ErrorAlert message={error} />
        <TextField
          label={t('feedback.prompts.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <SelectField
          label={t('feedback.prompts.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as FeedbackKind)}
        >
          {FEEDBACK_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`feedback.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('feedback.prompts.lines')}
          hint={t('feedback.prompts.linesHint')}
          value={lines}
          rows={4}
          onChange={(e) => setLines(e.target.value)}
        />
        <Button type="submit" variant="secondary" busy={actions.create.isPending}>
          {t('feedback.prompts.save')}
        </Button>
      </form>
    </details>
  );
}

/**
 * A new comment at the player's current time (read when the form is opened, and again with "Brug tiden nu"):
 * a kind, optionally a focus area, and a text — which a prompt from a saved set can start.
 */
export function FeedbackComposer({
  videoId,
  institutionId,
  player,
  areas,
  maxLength,
  onCreated,
}: {
  videoId: string;
  institutionId: string;
  player: RefObject<PlayerHandle | null>;
  areas: FocusArea[];
  maxLength: number;
  onCreated: () => void;
}) {
  const { t } = useWords(institutionId);
  const actions = useFeedbackActions(videoId);
  const prompts = usePromptSets();
  const [at, setAt] = useState<number | null>(null);
  const [kind, setKind] = useState<FeedbackKind | null>(null);
  const [areaKey, setAreaKey] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const now = () => Math.floor((player.current?.currentTime() ?? 0) * 10) / 10;
  const time = at ?? 0;
  const allPrompts = (prompts.data?.items ?? []).flatMap((s) =>
    s.prompts.map((p, i) => ({ id: `${s.id}:${i}`, set: s.title, ...p })),
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!kind) {
      setError(t('feedback.chooseKind'));
      return;
    }
    try {
      await actions.create.mutateAsync({
        atSeconds: at ?? now(),
        kind,
        focusAreaKey: areaKey || null,
        body,
      });
      setBody('');
      setAt(null);
      setKind(null);
      onCreated();
    } catch (err) {
      setError(message(err));
    }
  }

  return (
    <form className="feedback-composer" onSubmit={submit} onFocus={() => at === null && setAt(now())}>
      <h3>{t('feedback.newTitle')}</h3>
      <ErrorAlert message={error} />
      <div className="feedback-time-row">
        <span>{t('feedback.atTime', { time: formatTime(time) })}</span>
        <Button variant="secondary" onClick={() => setAt(now())}>
          {t('feedback.useNow')}
        </Button>
      </div>
      <RadioGroupField
        legend={t('feedback.kindLegend')}
        name={`feedback-kind-${videoId}`}
        value={kind}
        onChange={setKind}
        choices={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.${k}`) }))}
      />
      {areas.length > 0 && (
        <SelectField
          label={t('feedback.focusArea')}
          optional
          value={areaKey}
          onChange={(e) => setAreaKey(e.target.value)}
        >
          <option value="">{t('feedback.noFocusArea')}</option>
          {areas.map((a) => (
            <option key={a.key} value={a.key}>
              {a.title}
            </option>
          ))}
        </SelectField>
      )}
      {allPrompts.length > 0 && (
        <SelectField
          label={t('feedback.prompts.use')}
          optional
          value=""
          onChange={(e) => {
            const p = allPrompts.find((x) => x.id === e.target.value);
            if (!p) return;
            setBody(p.text);
            setKind(p.kind);
          }}
        >
          <option value="">{t('feedback.prompts.choose')}</option>
          {allPrompts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.set}: {p.text}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField
        label={t('feedback.bodyLabel')}
        value={body}
        rows={4}
        maxLength={maxLength}
        onChange={(e) => setBody(e.target.value)}
      />
      <Button type="submit" busy={actions.create.isPending}>
        {t('feedback.submit')}
      </Button>
    </form>
  );
}
