import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AGE_BANDS, type AgeBand } from '../../../shared/catalogue';
import { STORY_LIMITS as L, STORY_VISIBILITIES, type StoryVisibility } from '../../../shared/inquiry';
import { useTaxonomy } from '../../api/catalogue';
import { ApiError, errorMessage } from '../../api/client';
import { type CycleDetail, useCycle } from '../../api/inquiry';
import {
  fetchCycleStory,
  type Story,
  type StoryDraft,
  saveStory,
  storyKeys,
  submitStory,
  useCycleStory,
  withdrawStory,
} from '../../api/stories';
import { ErrorAlert, Loading, Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { RadioGroupField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import { useWords } from '../../i18n/words';
import { NotThere } from '../inquiry/common';
import { DataTable } from './StoryPage';
import { StoryStateBadge } from './StoryReview';
import '../inquiry/inquiry.css';
import './stories.css';

type Form = {
  title: string;
  context: string;
  question: string;
  tried: string;
  learned: string;
  materials: string;
  subjectId: string;
  ageBands: AgeBand[];
  methodIds: string[];
  videoIds: string[];
  visibility: StoryVisibility | null;
  dataSplitOn: string;
};
const TEXTS = ['title', 'context', 'question', 'tried', 'learned', 'materials'] as const;
type TextKey = (typeof TEXTS)[number];
const LISTS = ['subjectId', 'ageBands', 'methodIds', 'videoIds', 'visibility', 'dataSplitOn'] as const;

function fromStory(s: Story): Form {
  return {
    title: s.title,
    context: s.context,
    question: s.question,
    tried: s.tried,
    learned: s.learned,
    materials: s.materials,
    subjectId: s.subject?.id ?? '',
    ageBands: [...s.ageBands],
    methodIds: s.methods.map((m) => m.id),
    videoIds: s.videos.map((v) => v.id),
    visibility: s.visibility,
    dataSplitOn: s.dataSplitOn ?? '',
  };
}

function fromCycle(c: CycleDetail): Form {
  return {
    title: c.title,
    context: '',
    question: c.question,
    tried: '',
    learned: '',
    materials: '',
    subjectId: '',
    ageBands: [],
    methodIds: [],
    videoIds: [],
    visibility: null,
    dataSplitOn: '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A controlled group of checkboxes (age bands, methods, videos). */
function Checks({
  legend,
  hint,
  choices,
  value,
  onChange,
  max,
  readOnly,
}: {
  readOnly?: boolean;
  legend: string;
  hint?: string;
  choices: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  max?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset
      className="field checkbox-group story-checks"
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <legend>
        {legend} <span className="optional">{t('common.optional')}</span>
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {choices.map((c, i) => {
        const on = value.includes(c.value);
        return (
          <div className="checkbox" key={c.value}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={on}
              disabled={readOnly || (!on && max !== undefined && value.length >= max)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, c.value] : value.filter((v) => v !== c.value))
              }
            />
            <label htmlFor={`${id}-${i}`}>{c.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Where the story is, in a sentence (and the editor's note when it was sent back). */
function StateLine({ story }: { story: Story | null }) {
  const { t } = useTranslation();
  const state = story?.state ?? 'draft';
  return (
    <section className="card story-section" aria-labelledby="story-state-heading">
      <h2 id="story-state-heading">{t('stories.editor.stateHeading')}</h2>
      <p>
        <StoryStateBadge state={state} /> {t(`stories.editor.stateText.${story ? state : 'new'}`)}
      </p>
      {story?.state === 'returned' && story.reviewNote && (
        <div className="story-note">
          <p>
            <strong>{t('stories.editor.editorNote')}</strong>
          </p>
          <p className="inquiry-text break">{story.reviewNote}</p>
        </div>
      )}
      {story?.state === 'published' && (
        <p>
          <Link to={`/praksisfortaellinger/${story.id}`}>{t('stories.editor.open')}</Link>
        </p>
      )}
      {story?.updatedBy && (
        <p className="hint">
          {t('stories.editor.savedBy', { name: story.updatedBy.name, when: formatDateTime(story.updatedAt) })}
        </p>
      )}
    </section>
  );
}

function Editor({ cycle, initial }: { cycle: CycleDetail; initial: Story | null }) {
  const { t } = useTranslation();
  const { t: wt } = useWords(cycle.team.institutionId);
  const qc = useQueryClient();
  const terms = useTaxonomy();
  const [story, setStory] = useState<Story | null>(initial);
  const [form, setForm] = useState<Form>(() => (initial ? fromStory(initial) : fromCycle(cycle)));
  /** What the server held when the person started (or last saved): what "changed by someone else" is measured from. */
  const [base, setBase] = useState<Form>(form);
  const [theirs, setTheirs] = useState<Partial<Form> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'title' | 'visibility', string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = !same(form, base) || !story;

  useEffect(() => {
    if (!dirty || !story) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, story]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setNotice(null);
    setForm((f) => ({ ...f, [k]: v }));
  };
  const subjects = terms.data?.items.filter((i) => i.kind === 'subject') ?? [];
  const methods = terms.data?.items.filter((i) => i.kind === 'method') ?? [];
  const videos = new Map<string, string>();
  for (const e of cycle.evidence) if (e.video) videos.set(e.video.id, e.video.title);
  for (const v of story?.videos ?? []) videos.set(v.id, v.title);

  const took = (s: Story) => {
    setStory(s);
    qc.setQueryData(storyKeys.ofCycle(cycle.id), s);
    void qc.invalidateQueries({ queryKey: storyKeys.all });
  };

  function check(): boolean {
    const errs: typeof fieldErrors = {};
    if (!form.title.trim()) errs.title = t('stories.editor.titleMissing');
    if (!form.visibility) errs.visibility = t('stories.editor.visibilityMissing');
    setFieldErrors(errs);
    if (Object.keys(errs).length) setError(t('stories.editor.fix'));
    return Object.keys(errs).length === 0;
  }

  /** Saves; on a stale version shows the other's change beside the person's own text, which is kept. */
  async function save(): Promise<Story | null> {
    if (!check()) return null;
    const body: StoryDraft = {
      ...form,
      version: story?.version ?? 0,
      subjectId: form.subjectId || null,
      dataSplitOn: form.dataSplitOn || null,
      visibility: form.visibility as StoryVisibility,
    };
    try {
      const saved = await saveStory(cycle.id, body);
      took(saved);
      setBase(form);
      setTheirs(null);
      return saved;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 409 && /stale|version/.test(err.code))) throw err;
      const fresh = await fetchCycleStory(cycle.id).catch(() => null);
      if (!fresh) throw err;
      const now = fromStory(fresh);
      const changed: Partial<Form> = {};
      for (const k of [...TEXTS, ...LISTS])
        if (!same(now[k], base[k]) && !same(now[k], form[k])) Object.assign(changed, { [k]: now[k] });
      setStory(fresh);
      setBase(now);
      setTheirs(changed);
      throw new ApiError(
        409,
        'story.stale',
        t('stories.editor.stale', { name: fresh.updatedBy?.name ?? t('inquiry.someone') }),
      );
    }
  }

  async function run(fn: () => Promise<string | null>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const message = await fn();
      if (message) setNotice(message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => ((await save()) ? t('stories.editor.saved') : null));
  };
  const onSubmit = () =>
    run(async () => {
      const saved = dirty ? await save() : story;
      if (!saved) return null;
      took(await submitStory(saved.id, saved.version));
      return t('stories.editor.submitted');
    });
  const onWithdraw = () =>
    run(async () => {
      if (!story) return null;
      took(await withdrawStory(story.id, story.version));
      return t('stories.editor.withdrawn');
    });

  const state = story?.state ?? 'draft';
  // In review the text rests with the editors: withdraw it to change it.
  const canWrite = !story || (story.may.edit && story.state !== 'in_review');
  const text = (k: TextKey, label: string, hint?: string) =>
    k === 'title' ? null : (
      <div key={k}>
        <TextAreaField
          label={label}
          hint={hint}
          value={form[k]}
          rows={k === 'materials' ? 3 : 5}
          maxLength={L.text}
          optional
          readOnly={!canWrite}
          onChange={(e) => set(k, e.target.value)}
        />
        <Theirs k={k} label={label} theirs={theirs} onTake={(v) => set(k, v as string)} />
      </div>
    );

  return (
    <form className="story-editor stack" onSubmit={onSave} noValidate>
      <StateLine story={story} />
      <ErrorAlert message={error}>
        {theirs && Object.keys(theirs).length > 0 && <p>{t('stories.editor.kept')}</p>}
      </ErrorAlert>
      <Notice message={notice} />
      <section className="card story-section" aria-labelledby="story-text-heading">
        <h2 id="story-text-heading">{t('stories.editor.textHeading')}</h2>
        <TextField
          label={t('stories.fields.title')}
          value={form.title}
          maxLength={L.title}
          error={fieldErrors.title}
          readOnly={!canWrite}
          onChange={(e) => set('title', e.target.value)}
        />
        <Theirs
          k="title"
          label={t('stories.fields.title')}
          theirs={theirs}
          onTake={(v) => set('title', v as string)}
        />
        {text('context', t('stories.fields.context'), wt('stories.editor.contextHint'))}
        {text('question', t('stories.fields.question'), t('stories.editor.questionHint'))}
        {text('tried', t('stories.fields.tried'), t('stories.editor.triedHint'))}
        {text('learned', t('stories.fields.learned'))}
        {text('materials', t('stories.fields.materials'), t('stories.editor.materialsHint'))}
      </section>
      <section className="card story-section" aria-labelledby="story-find-heading">
        <h2 id="story-find-heading">{t('stories.editor.findHeading')}</h2>
        <p className="hint">{t('stories.editor.findIntro')}</p>
        {terms.isPending ? (
          <Loading />
        ) : terms.isError ? (
          <RequestError error={terms.error} />
        ) : (
          <>
            <SelectField
              label={wt('catalogue.fields.subject')}
              optional
              value={form.subjectId}
              disabled={!canWrite}
              onChange={(e) => set('subjectId', e.target.value)}
            >
              <option value="">{t('catalogue.noSubject')}</option>
              {subjects.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <Checks
              readOnly={!canWrite}
              legend={t('stories.ageBands')}
              choices={AGE_BANDS.map((a) => ({ value: a, label: t(`catalogue.ageBand.${a}`) }))}
              value={form.ageBands}
              onChange={(v) => set('ageBands', v as AgeBand[])}
            />
            <Checks
              readOnly={!canWrite}
              legend={t('stories.methods')}
              hint={t('stories.editor.methodsHint', { max: L.methods })}
              choices={methods.map((m) => ({ value: m.id, label: m.label }))}
              value={form.methodIds}
              max={L.methods}
              onChange={(v) => set('methodIds', v)}
            />
          </>
        )}
        {videos.size > 0 ? (
          <Checks
            readOnly={!canWrite}
            legend={t('stories.videos')}
            hint={t('stories.editor.videosHint')}
            choices={[...videos].map(([value, label]) => ({ value, label }))}
            value={form.videoIds}
            max={L.videos}
            onChange={(v) => set('videoIds', v)}
          />
        ) : (
          <p className="hint">{t('stories.editor.noVideos')}</p>
        )}
        <TextField
          label={t('stories.editor.split')}
          hint={wt('stories.editor.splitHint')}
          type="date"
          optional
          value={form.dataSplitOn}
          readOnly={!canWrite}
          onChange={(e) => set('dataSplitOn', e.target.value)}
        />
      </section>
      {/* The figures as readers will see them (computed from the saved split date, small groups hidden). */}
      {story?.data && <DataTable story={story} />}
      <section className="card story-section" aria-labelledby="story-who-heading">
        <h2 id="story-who-heading">{t('stories.editor.whoHeading')}</h2>
        <RadioGroupField
          legend={t('stories.editor.visibility')}
          name="visibility"
          value={form.visibility}
          error={fieldErrors.visibility}
          onChange={(v) => set('visibility', v)}
          choices={STORY_VISIBILITIES.map((v) => ({
            value: v,
            label: t(`stories.visibility.${v}.label`),
            hint: wt(`stories.visibility.${v}.who`),
            disabled: !canWrite,
          }))}
        />
        <Theirs
          k="visibility"
          label={t('stories.editor.visibility')}
          theirs={theirs}
          onTake={(v) => set('visibility', v as StoryVisibility)}
        />
        <p className="hint">{t('stories.editor.reviewFirst')}</p>
      </section>
      {theirs && LISTS.some((k) => k !== 'visibility' && k in theirs) && (
        <p className="alert alert-info">{t('stories.editor.othersChoices')}</p>
      )}
      {canWrite && (
        <div className="form-actions story-actions">
          <Button type="submit" variant="secondary" busy={busy}>
            {theirs ? t('inquiry.saveOnTop') : t('stories.editor.save')}
          </Button>
          {(state === 'draft' || state === 'returned') && (
            <Button busy={busy} onClick={() => void onSubmit()}>
              {t('stories.editor.submit')}
            </Button>
          )}
        </div>
      )}
      {story?.state === 'in_review' && (
        <div className="form-actions">
          <Button variant="secondary" busy={busy} onClick={() => void onWithdraw()}>
            {t('stories.editor.withdraw')}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The other's text for a field both changed, with a way to take it instead of one's own. */
function Theirs({
  k,
  label,
  theirs,
  onTake,
}: {
  k: keyof Form;
  label: string;
  theirs: Partial<Form> | null;
  onTake: (v: Form[keyof Form]) => void;
}) {
  const { t } = useTranslation();
  if (!theirs || !(k in theirs)) return null;
  const v = theirs[k];
  const shown = k === 'visibility' ? t(`stories.visibility.${v}.label`) : String(v ?? '');
  return (
    <div className="inquiry-theirs">
      <p>
        <strong>{t('inquiry.cycle.theirAnswer', { label })}</strong>
      </p>
      <p className="inquiry-text break">{shown || t('inquiry.emptyText')}</p>
      <Button variant="secondary" onClick={() => onTake(v as Form[keyof Form])}>
        {t('inquiry.cycle.takeTheirs')}
        <span className="sr-only"> ({label})</span>
      </Button>
    </div>
  );
}

/** /forloeb/:id/fortaelling — the team writes the practice story of a finished cycle and sends it to the editors. */
export function StoryEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const cycle = useCycle(id);
  const story = useCycleStory(id);
  usePageTitle(t('stories.editor.title'));
  if (cycle.isPending || story.isPending) return <Loading />;
  if (cycle.isError) {
    if (cycle.error instanceof ApiError && (cycle.error.status === 404 || cycle.error.status === 403))
      return <NotThere back="/team" backLabel={t('inquiry.myTeams.back')} />;
    return <RequestError error={cycle.error} />;
  }
  if (story.isError) return <RequestError error={story.error} />;
  const c = cycle.data;
  if (!c.canWrite) return <NotThere back={`/forloeb/${c.id}`} backLabel={c.title} />;
  return (
    <div className="page story-editor-page">
      <Breadcrumbs
        items={[
          { to: '/team', label: t('inquiry.myTeams.title') },
          { to: `/team/${c.team.id}`, label: c.team.name },
          { to: `/forloeb/${c.id}`, label: c.title },
          { label: t('stories.editor.title') },
        ]}
      />
      <h1>{t('stories.editor.title')}</h1>
      <p className="lead">{t('stories.editor.intro')}</p>
      {c.state !== 'afsluttet' && !story.data ? (
        <p className="alert alert-info">{t('stories.editor.notFinished')}</p>
      ) : (
        <Editor key={c.id} cycle={c} initial={story.data ?? null} />
      )}
    </div>
  );
}
