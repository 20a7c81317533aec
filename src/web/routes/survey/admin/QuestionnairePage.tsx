import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { SURVEY_LIMITS as L } from '../../../../shared/survey';
import {
  createItem,
  deleteItem,
  deleteQuestionnaire,
  publishQuestionnaire,
  type Questionnaire,
  surveyAdminKeys,
  updateItem,
  updateQuestionnaire,
  useQuestionnaire,
  useSurveyRefresh,
} from '../../../api/survey-admin';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialogs';
import { TextField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { useForm } from '../../../components/useForm';
import { usePageTitle } from '../../../components/usePageTitle';
import { SURVEY_PATH, useSurveyKommuner } from './common';
import { movedPosition } from './helpers';
import { ItemForm, ItemMeta, ItemRow } from './ItemEditor';
import { NewVersionButton } from './QuestionnairesPage';
import './survey-admin.css';

const LIST = `${SURVEY_PATH}/spoergeskemaer`;
const byPosition = (q: Questionnaire) => [...q.items].sort((a, b) => a.position - b.position);

/** The version's name in Danish and English. */
function NameForm({ q, onSaved }: { q: Questionnaire; onSaved: (next: Questionnaire, m: string) => void }) {
  const { t } = useTranslation();
  const form = useForm(['nameDa', 'nameEn'] as const);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const f = new FormData(e.currentTarget);
    const nameDa = String(f.get('nameDa') ?? '').trim();
    const nameEn = String(f.get('nameEn') ?? '').trim();
    if (form.invalid({ nameDa: nameDa ? undefined : t('surveyAdmin.editor.nameMissing') })) return;
    setBusy(true);
    try {
      onSaved(
        await updateQuestionnaire(q.id, { revision: q.revision, nameDa, nameEn }),
        t('surveyAdmin.editor.nameSaved'),
      );
      form.reset();
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form
      ref={form.formRef}
      className="card stack"
      noValidate
      onSubmit={submit}
      aria-labelledby="survey-name"
    >
      <h2 id="survey-name">{t('surveyAdmin.editor.nameHeading')}</h2>
      <ErrorAlert message={form.summary} />
      <div className="form-row">
        <TextField
          name="nameDa"
          label={t('surveyAdmin.editor.nameDa')}
          maxLength={L.roundName}
          defaultValue={q.nameDa}
          error={form.errors.nameDa}
        />
        <TextField
          name="nameEn"
          lang="en"
          label={t('surveyAdmin.editor.nameEn')}
          optional
          maxLength={L.roundName}
          defaultValue={q.nameEn}
          error={form.errors.nameEn}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

/** A draft: name, questions (add, change, move, delete), publish or delete the draft. */
function Editor({ q }: { q: Questionnaire }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = useSurveyRefresh();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const items = byPosition(q);
  const saved = (next: Questionnaire, message: string) => {
    qc.setQueryData(surveyAdminKeys.questionnaire(q.id), next);
    void qc.invalidateQueries({ queryKey: surveyAdminKeys.questionnaires(next.kommuneId ?? undefined) });
    setNotice(message);
  };

  async function move(id: string, step: -1 | 1) {
    const item = items.find((i) => i.id === id);
    const position = movedPosition(items, id, step);
    if (!item || position === null) return;
    const { kind, dimension, textDa, textEn } = item;
    const next = await updateItem(q.id, id, { kind, dimension, textDa, textEn, position });
    const at = byPosition(next).findIndex((i) => i.id === id);
    saved(next, t('surveyAdmin.editor.moved', { n: at + 1, count: next.items.length }));
    // Focus stays on the button pressed, or on the other one when the question reached an end.
    requestAnimationFrame(() => {
      const same = document.getElementById(`survey-item-${id}-${step < 0 ? 'up' : 'down'}`);
      const other = document.getElementById(`survey-item-${id}-${step < 0 ? 'down' : 'up'}`);
      ((same as HTMLButtonElement | null)?.disabled ? other : same)?.focus();
    });
  }

  return (
    <>
      <Notice message={notice} />
      <NameForm q={q} onSaved={saved} />
      <section className="survey-editor-items" aria-labelledby="survey-items">
        <h2 id="survey-items" tabIndex={-1}>
          {t('surveyAdmin.editor.items', { count: items.length })}
        </h2>
        {items.length === 0 ? (
          <p className="muted">{t('surveyAdmin.editor.noItems')}</p>
        ) : (
          <ol className="survey-items">
            {items.map((item, i) => (
              <ItemRow
                key={item.id}
                item={item}
                index={i}
                count={items.length}
                onMove={(step) => move(item.id, step)}
                onSave={async (fields) =>
                  saved(
                    await updateItem(q.id, item.id, { ...fields, position: item.position }),
                    t('surveyAdmin.editor.itemSaved'),
                  )
                }
                onDelete={async () => {
                  saved(await deleteItem(q.id, item.id), t('surveyAdmin.editor.itemDeleted'));
                  requestAnimationFrame(() => document.getElementById('survey-items')?.focus());
                }}
              />
            ))}
          </ol>
        )}
        {items.length < L.itemsPerQuestionnaire && (
          <ItemForm
            item={null}
            onSave={async (fields) =>
              saved(await createItem(q.id, fields), t('surveyAdmin.editor.itemAdded'))
            }
          />
        )}
      </section>
      <section className="survey-publish" aria-labelledby="survey-publish">
        <h2 id="survey-publish">{t('surveyAdmin.editor.publishHeading')}</h2>
        <p>{t('surveyAdmin.editor.publishText')}</p>
        <div className="page-actions">
          <ConfirmDialog
            triggerLabel={t('surveyAdmin.editor.publish')}
            triggerVariant="primary"
            confirmVariant="primary"
            title={t('surveyAdmin.editor.publishTitle')}
            confirmLabel={t('surveyAdmin.editor.publish')}
            onConfirm={async () => {
              saved(await publishQuestionnaire(q.id), t('surveyAdmin.editor.published'));
              await refresh();
            }}
          >
            <p>{t('surveyAdmin.editor.publishConfirm', { count: items.length })}</p>
          </ConfirmDialog>
          <ConfirmDialog
            triggerLabel={t('surveyAdmin.editor.deleteDraft')}
            title={t('surveyAdmin.editor.deleteDraftTitle')}
            confirmLabel={t('surveyAdmin.editor.deleteDraft')}
            onConfirm={async () => {
              await deleteQuestionnaire(q.id);
              await refresh();
              navigate(LIST);
            }}
          >
            <p>{t('surveyAdmin.editor.deleteDraftText')}</p>
          </ConfirmDialog>
        </div>
      </section>
    </>
  );
}

/** A published version (or a draft one may not edit): its questions as they are asked. */
function ReadOnly({ q }: { q: Questionnaire }) {
  const { t } = useTranslation();
  const items = byPosition(q);
  const kommuner = useSurveyKommuner(true);
  return (
    <>
      <p className="hint">
        {q.state === 'published'
          ? t('surveyAdmin.editor.fixed', { count: q.roundCount })
          : t('surveyAdmin.editor.notYours')}
      </p>
      {q.state === 'published' && (
        <div className="page-actions">
          <NewVersionButton q={q} kommuneId={q.kommuneId ?? kommuner[0]?.id ?? null} />
        </div>
      )}
      <h2>{t('surveyAdmin.editor.items', { count: items.length })}</h2>
      <ol className="survey-read-items">
        {items.map((item) => (
          <li key={item.id}>
            <p className="survey-item-text">{item.textDa}</p>
            {item.textEn && (
              <p className="muted survey-item-en" lang="en">
                {item.textEn}
              </p>
            )}
            <ItemMeta item={item} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** /medarbejderundersoegelse/spoergeskemaer/:id — a draft's editor, or a published version read-only. */
export function QuestionnairePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useQuestionnaire(id);
  const q = query.data;
  const title = q ? t('surveyAdmin.questionnaireName', q) : t('surveyAdmin.questionnaires.title');
  usePageTitle(title);
  return (
    <div className="page-narrow survey-page">
      <Breadcrumbs
        items={[
          { to: SURVEY_PATH, label: t('surveyAdmin.title') },
          { to: LIST, label: t('surveyAdmin.questionnaires.title') },
          { label: title },
        ]}
      />
      <QueryView query={query}>
        {(q) => (
          <>
            <div className="survey-title">
              <h1>{title}</h1>
              <span className={`badge ${q.state === 'published' ? 'badge-active' : 'badge-info'}`}>
                {t(`surveyAdmin.questionnaireState.${q.state}`)}
              </span>
            </div>
            {q.state === 'draft' && q.canEdit ? <Editor key={q.id} q={q} /> : <ReadOnly q={q} />}
          </>
        )}
      </QueryView>
    </div>
  );
}
