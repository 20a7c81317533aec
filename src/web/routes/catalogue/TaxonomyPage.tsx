import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermKind } from '../../../shared/catalogue';
import {
  createTerm,
  deleteTerm,
  mergeTerm,
  renameTerm,
  type Term,
  useTaxonomy,
  useTaxonomyMutation,
} from '../../api/catalogue';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { SelectField, TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import { EditorialNav } from './EditorialNav';

type Done = (message: string) => void;

function AddTerm({ kind, onDone }: { kind: TermKind; onDone: Done }) {
  const { t } = useTranslation();
  const form = useForm(['label'] as const);
  const add = useTaxonomyMutation((label: string) => createTerm({ kind, label }));
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (add.isPending) return;
    const el = e.currentTarget;
    const label = String(new FormData(el).get('label') ?? '').trim();
    if (form.invalid({ label: label ? undefined : t('taxonomy.labelMissing') })) return;
    add.mutate(label, {
      onSuccess: () => {
        el.reset();
        form.reset();
        onDone(t('taxonomy.added', { label }));
      },
      onError: (err) => form.failed(err),
    });
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="inline-form">
      <ErrorAlert message={form.summary} />
      <div className="form-row">
        <TextField label={t(`taxonomy.new.${kind}`)} name="label" maxLength={100} error={form.errors.label} />
      </div>
      <Button type="submit" busy={add.isPending}>
        {t('taxonomy.add')}
      </Button>
    </form>
  );
}

function RenameTerm({ term, onDone }: { term: Term; onDone: Done }) {
  const { t } = useTranslation();
  const rename = useTaxonomyMutation((label: string) => renameTerm(term.id, label));
  return (
    <FormDialog
      triggerLabel={t('taxonomy.rename')}
      triggerContext={term.label}
      title={t('taxonomy.renameTitle', { label: term.label })}
      submitLabel={t('common.save')}
      fields={['label'] as const}
      validate={(d) => ({
        label: String(d.get('label') ?? '').trim() ? undefined : t('taxonomy.labelMissing'),
      })}
      onSubmit={async (d) => {
        const label = String(d.get('label') ?? '').trim();
        await rename.mutateAsync(label);
        onDone(t('taxonomy.renamed', { from: term.label, to: label }));
      }}
    >
      {(errors) => (
        <TextField
          label={t('taxonomy.label')}
          name="label"
          maxLength={100}
          defaultValue={term.label}
          error={errors.label}
        />
      )}
    </FormDialog>
  );
}

/** Merge with confirmation: choose the term to keep; the dialog says what will happen before anything does. */
function MergeTerm({ term, others, onDone }: { term: Term; others: Term[]; onDone: Done }) {
  const { t } = useTranslation();
  const [intoId, setIntoId] = useState('');
  const merge = useTaxonomyMutation((into: string) => mergeTerm(term.id, into));
  const into = others.find((o) => o.id === intoId);
  return (
    <FormDialog
      triggerLabel={t('taxonomy.merge')}
      triggerContext={term.label}
      title={t('taxonomy.mergeTitle', { label: term.label })}
      submitLabel={t('taxonomy.mergeConfirm')}
      fields={['intoId'] as const}
      validate={() => ({ intoId: intoId ? undefined : t('taxonomy.chooseInto') })}
      onSubmit={async () => {
        await merge.mutateAsync(intoId);
        onDone(t('taxonomy.merged', { from: term.label, into: into?.label ?? '' }));
        setIntoId('');
      }}
    >
      {(errors) => (
        <>
          <SelectField
            label={t('taxonomy.mergeInto')}
            name="intoId"
            value={intoId}
            onChange={(e) => setIntoId(e.target.value)}
            error={errors.intoId}
          >
            <option value="">{t('common.choose')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <p className="alert alert-warning" aria-live="polite">
            {into
              ? t('taxonomy.mergeWarning', { from: term.label, into: into.label, count: term.usage ?? 0 })
              : t('taxonomy.mergeExplain', { from: term.label })}
          </p>
        </>
      )}
    </FormDialog>
  );
}

function DeleteTerm({ term, onDone }: { term: Term; onDone: Done }) {
  const { t } = useTranslation();
  const remove = useTaxonomyMutation(() => deleteTerm(term.id));
  return (
    <ConfirmDialog
      triggerLabel={t('taxonomy.delete')}
      triggerContext={term.label}
      title={t('taxonomy.deleteTitle', { label: term.label })}
      confirmLabel={t('taxonomy.delete')}
      onConfirm={async () => {
        await remove.mutateAsync(undefined);
        onDone(t('taxonomy.deleted', { label: term.label }));
      }}
    >
      <p>{t('taxonomy.deleteText')}</p>
    </ConfirmDialog>
  );
}

function TermSection({ kind, terms, onDone }: { kind: TermKind; terms: Term[]; onDone: Done }) {
  const { t } = useTranslation();
  const mine = terms.filter((x) => x.kind === kind);
  return (
    <section className="card" aria-labelledby={`terms-${kind}`}>
      <h2 id={`terms-${kind}`}>
        {t(`taxonomy.kind.${kind}`)} <span className="muted">({mine.length})</span>
      </h2>
      <ul className="term-list">
        {mine.map((term) => (
          <li key={term.id} className="term-row">
            <span>
              <span className="term-name">{term.label}</span>{' '}
              <span className="muted">· {t('taxonomy.usage', { count: term.usage ?? 0 })}</span>
            </span>
            <span className="button-row">
              <RenameTerm term={term} onDone={onDone} />
              {mine.length > 1 && (
                <MergeTerm term={term} others={mine.filter((o) => o.id !== term.id)} onDone={onDone} />
              )}
              {term.usage === 0 && <DeleteTerm term={term} onDone={onDone} />}
            </span>
          </li>
        ))}
      </ul>
      <AddTerm kind={kind} onDone={onDone} />
    </section>
  );
}

/** /redaktion/emneord: the editors' taxonomy of subjects and methods. */
export function TaxonomyPage() {
  const { t } = useTranslation();
  const terms = useTaxonomy();
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('taxonomy.title'));
  return (
    <div className="page">
      <h1>{t('taxonomy.title')}</h1>
      <EditorialNav />
      <p className="lead">{t('taxonomy.intro')}</p>
      <Notice message={notice} />
      <QueryView query={terms}>
        {(data) => (
          <div className="stack-gap">
            <TermSection kind="method" terms={data.items} onDone={setNotice} />
            <TermSection kind="subject" terms={data.items} onDone={setNotice} />
          </div>
        )}
      </QueryView>
    </div>
  );
}
