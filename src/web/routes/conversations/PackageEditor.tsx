import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_LIMITS, THEME_KINDS } from '../../../shared/conversations';
import { ApiError, errorMessage } from '../../api/client';
import {
  type ConversationDetail,
  type ThemeChoice,
  updateConversation,
  useConversationRefresh,
} from '../../api/conversations';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField } from '../../components/Field';
import { FigureUpload } from './FigureUpload';

const newKey = () =>
  Math.random()
    .toString(36)
    .slice(2, 14)
    .replace(/[^a-z0-9]/g, 'x') || 'theme';

/**
 * Forvaltning chooses the package's themes and their order (most important first), with a note for each on what
 * to look at; an uploaded figure table joins as a theme of its own. Saved together; a stale save shows the other's.
 */
export function PackageEditor({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const refresh = useConversationRefresh();
  const [themes, setThemes] = useState<ThemeChoice[]>(detail.themes);
  // A new version of the package (saved here, or an uploaded table added): start again from what is stored.
  const [seen, setSeen] = useState(detail.version);
  if (detail.version !== seen) {
    setSeen(detail.version);
    setThemes(detail.themes);
  }
  const [adding, setAdding] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const dirty = JSON.stringify(themes) !== JSON.stringify(detail.themes);
  const title = (th: ThemeChoice) => th.title || t(`conversations.kinds.${th.kind}`);
  const available = THEME_KINDS.filter((k) => k !== 'csv' && !themes.some((th) => th.kind === k));

  const move = (i: number, delta: -1 | 1) => {
    const next = [...themes];
    const [item] = next.splice(i, 1);
    next.splice(i + delta, 0, item);
    setThemes(next);
    setAnnounce(t('conversations.editor.moved', { title: title(item), n: i + delta + 1 }));
    requestAnimationFrame(() =>
      document.getElementById(`conv-move-${item.key}-${delta < 0 ? 'up' : 'down'}`)?.focus(),
    );
  };

  async function save() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await updateConversation(detail.id, { version: detail.version, themes });
      await refresh(saved);
      setThemes(saved.themes);
      setNotice(t('conversations.editor.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conversation.stale') {
        const theirs = err.details.find((d) => d.path === 'themes')?.message ?? '';
        setError(`${err.message} ${t('conversations.editor.theirThemes', { themes: theirs || '–' })}`);
        await refresh();
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack conv-editor" aria-labelledby="conv-editor">
      <h2 id="conv-editor">{t('conversations.editor.heading')}</h2>
      <p className="hint">{t('conversations.editor.intro')}</p>
      <ErrorAlert message={error} />
      <Notice message={notice} />
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {themes.length === 0 ? (
        <p className="muted">{t('conversations.editor.none')}</p>
      ) : (
        <ol className="conv-theme-list">
          {themes.map((th, i) => (
            <li key={th.key} className="conv-theme-row">
              <div className="conv-theme-head">
                <strong>
                  {i + 1}. {title(th)}
                </strong>
                {th.kind === 'csv' && (
                  <span className="muted">
                    {' '}
                    {t('conversations.editor.rows', { count: th.figures?.length ?? 0 })}
                  </span>
                )}
                <div className="conv-theme-actions">
                  <Button
                    id={`conv-move-${th.key}-up`}
                    variant="secondary"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    {t('conversations.editor.up')}
                    <span className="sr-only"> {title(th)}</span>
                  </Button>
                  <Button
                    id={`conv-move-${th.key}-down`}
                    variant="secondary"
                    disabled={i === themes.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    {t('conversations.editor.down')}
                    <span className="sr-only"> {title(th)}</span>
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => setThemes(themes.filter((x) => x.key !== th.key))}
                  >
                    {t('conversations.editor.remove')}
                    <span className="sr-only"> {title(th)}</span>
                  </Button>
                </div>
              </div>
              <TextAreaField
                label={t('conversations.editor.note', { title: title(th) })}
                hint={t('conversations.editor.noteHint')}
                rows={2}
                optional
                maxLength={CONVERSATION_LIMITS.note}
                value={th.note}
                onChange={(e) =>
                  setThemes(themes.map((x) => (x.key === th.key ? { ...x, note: e.target.value } : x)))
                }
              />
            </li>
          ))}
        </ol>
      )}
      {available.length > 0 && themes.length < CONVERSATION_LIMITS.themes && (
        <div className="conv-add">
          <SelectField
            label={t('conversations.editor.add')}
            value={adding}
            optional
            onChange={(e) => setAdding(e.target.value)}
          >
            <option value="">{t('conversations.editor.choose')}</option>
            {available.map((k) => (
              <option key={k} value={k}>
                {t(`conversations.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <Button
            variant="secondary"
            disabled={!adding}
            onClick={() => {
              const kind = adding as ThemeChoice['kind'];
              setThemes([...themes, { key: newKey(), kind, title: '', note: '', unit: '', figures: [] }]);
              setAdding('');
            }}
          >
            {t('conversations.editor.addButton')}
          </Button>
        </div>
      )}
      <p className="hint">{t('conversations.editor.progressionLater')}</p>
      <div className="form-actions">
        <Button busy={busy} disabled={!dirty} onClick={save}>
          {t('conversations.editor.save')}
        </Button>
        {dirty && <span className="muted">{t('conversations.editor.unsaved')}</span>}
      </div>
      <FigureUpload detail={detail} blocked={dirty} />
    </section>
  );
}
