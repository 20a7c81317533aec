import { type FormEvent, useState } from 'react';
import { NEXT_STEP_MAX, NOTES_MAX, REFLECTION_MAX } from '../../../../shared/observation';
import {
  useAgreeNextStep,
  useSaveConversation,
  useSaveReflection,
  type VisitDetail,
} from '../../../api/observation';
import { Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { useWords } from '../../../i18n/words';
import { firstName, shortDay } from './VisitBits';

/** The learning conversation (O3): the teacher's reflection, notes from the talk, and the agreed next step. */

function TextBlock({ text, empty }: { text: string; empty: string }) {
  return text ? <p className="obs-prewrap">{text}</p> : <p className="muted">{empty}</p>;
}

function EditableText({
  label,
  hint,
  value,
  max,
  empty,
  editable,
  save,
  saveLabel,
}: {
  label: string;
  hint?: string;
  value: string;
  max: number;
  empty: string;
  editable: boolean;
  save: (text: string) => Promise<unknown>;
  saveLabel: string;
}) {
  const { t } = useWords();
  const [text, setText] = useState(value);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (!editable)
    return (
      <div className="obs-text-block">
        <h3>{label}</h3>
        <TextBlock text={value} empty={empty} />
      </div>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await save(text.trim());
      setSaved(t('observation.conversation.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="obs-text-form">
      <TextAreaField
        label={label}
        hint={hint}
        optional
        value={text}
        maxLength={max}
        rows={4}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(null);
        }}
      />
      <RequestError error={error} />
      <Notice message={saved} />
      <Button type="submit" variant="secondary" busy={busy} disabled={text.trim() === value.trim()}>
        {saveLabel}
      </Button>
    </form>
  );
}

function Agreement({ visit, meId }: { visit: VisitDetail; meId: string }) {
  const { t } = useWords(visit.institution.id);
  const agree = useAgreeNextStep(visit.id);
  const teacherAt = visit.nextStepTeacherAgreedAt;
  const observerAt = visit.nextStepObserverAgreedAt;
  const teacher = firstName(visit.teacher.name);
  const observer = firstName(visit.observer.name);
  let status: string;
  if (teacherAt && observerAt) status = t('observation.conversation.agreedBoth', { teacher, observer });
  else if (teacherAt)
    status = t('observation.conversation.agreedOne', {
      name: teacher,
      date: shortDay(teacherAt),
      waiting: observer,
    });
  else if (observerAt)
    status = t('observation.conversation.agreedOne', {
      name: observer,
      date: shortDay(observerAt),
      waiting: teacher,
    });
  else status = t('observation.conversation.notAgreed');
  const mine = (meId === visit.teacher.id && !teacherAt) || (meId === visit.observer.id && !observerAt);
  return (
    <div className="obs-agreement">
      <p role="status" className={teacherAt && observerAt ? 'obs-agreed' : 'obs-waiting'}>
        {status}
      </p>
      <RequestError error={agree.error} />
      {mine && visit.can.converse && visit.nextStep && (
        <Button busy={agree.isPending} onClick={() => agree.mutate(undefined)}>
          {t('observation.conversation.agree')}
        </Button>
      )}
    </div>
  );
}

export function VisitConversation({ visit, meId }: { visit: VisitDetail; meId: string }) {
  const { t } = useWords(visit.institution.id);
  const reflection = useSaveReflection(visit.id);
  const conversation = useSaveConversation(visit.id);
  const self = visit.kind === 'self';
  return (
    <section className="card obs-conversation" aria-labelledby="obs-conversation-title">
      <h2 id="obs-conversation-title">
        {self ? t('observation.conversation.selfTitle') : t('observation.conversation.title')}
      </h2>
      {!self && <p className="muted">{t('observation.conversation.intro')}</p>}
      <EditableText
        label={t('observation.conversation.reflection')}
        hint={visit.can.reflect ? t('observation.conversation.reflectionHint') : undefined}
        value={visit.reflection}
        max={REFLECTION_MAX}
        empty={t('observation.conversation.noReflection', { name: firstName(visit.teacher.name) })}
        editable={visit.can.reflect}
        save={(text) => reflection.mutateAsync({ reflection: text })}
        saveLabel={t('observation.conversation.saveReflection')}
      />
      {!self && (
        <>
          <EditableText
            label={t('observation.conversation.notes')}
            value={visit.conversationNotes}
            max={NOTES_MAX}
            empty={t('observation.conversation.noNotes')}
            editable={visit.can.converse}
            save={(text) => conversation.mutateAsync({ conversationNotes: text })}
            saveLabel={t('observation.conversation.saveNotes')}
          />
          <div className="obs-next-step">
            <EditableText
              label={t('observation.conversation.nextStep')}
              hint={visit.can.converse ? t('observation.conversation.nextStepHint') : undefined}
              value={visit.nextStep}
              max={NEXT_STEP_MAX}
              empty={t('observation.conversation.noNextStep')}
              editable={visit.can.converse}
              save={(text) => conversation.mutateAsync({ nextStep: text })}
              saveLabel={t('observation.conversation.saveNextStep')}
            />
            {visit.nextStep && <Agreement visit={visit} meId={meId} />}
          </div>
        </>
      )}
    </section>
  );
}
