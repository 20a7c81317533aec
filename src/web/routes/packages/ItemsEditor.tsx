import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageItemKind } from '../../../shared/catalogue';
import { PACKAGE_ITEM_BODY_MAX, PACKAGE_ITEM_TITLE_MAX, PACKAGE_MAX_ITEMS } from '../../../shared/packages';
import {
  type ItemInput,
  type PackageDetail,
  type PackageVideo,
  replaceItems,
  usePackageMutation,
} from '../../api/packages';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { ItemVideo } from './PackagePage';
import { VideoPicker } from './VideoPicker';

/** An item being edited; `key` stays the same while it moves, `id` is the saved item's (kept video items). */
type Draft = {
  key: string;
  id?: string;
  kind: PackageItemKind;
  title: string;
  body: string;
  video: PackageVideo | null;
  unavailable: boolean;
};

let counter = 0;
const newKey = () => `new-${++counter}`;
const fromPackage = (pkg: PackageDetail): Draft[] =>
  pkg.items.map((i) => ({
    key: i.id,
    id: i.id,
    kind: i.kind,
    title: i.title,
    body: i.body,
    video: i.video,
    unavailable: i.videoUnavailable,
  }));

function toInput(d: Draft): ItemInput {
  if (d.kind === 'video')
    return d.video
      ? { kind: 'video', videoId: d.video.id, body: d.body }
      : { kind: 'video', id: d.id, body: d.body };
  if (d.kind === 'text') return { kind: 'text', title: d.title, body: d.body };
  return { kind: 'question', body: d.body };
}

/** The ordered items: add a video, a text or a question; move with up/down buttons; remove; save all at once. */
export function ItemsEditor({ pkg }: { pkg: PackageDetail }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Draft[]>(() => fromPackage(pkg));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announce, setAnnounce] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const save = usePackageMutation((items: ItemInput[]) => replaceItems(pkg.id, items));
  const focusTarget = useRef<string | null>(null);
  const full = drafts.length >= PACKAGE_MAX_ITEMS;

  // Moves focus after a change: to the moved button, the new item's first field, or the next item.
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    const timer = setTimeout(
      () => document.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus(),
      60,
    );
    return () => clearTimeout(timer);
  });

  const change = (next: Draft[], message: string, focus: string | null) => {
    setDrafts(next);
    setDirty(true);
    setSaved(null);
    setAnnounce(message);
    focusTarget.current = focus;
  };
  const label = (kind: PackageItemKind) => t(`packages.kind.${kind}`);

  function add(d: Omit<Draft, 'key'>) {
    const key = newKey();
    change(
      [...drafts, { ...d, key }],
      t('packages.items.added', { kind: label(d.kind), n: drafts.length + 1 }),
      `${key}-first`,
    );
  }
  function move(i: number, by: -1 | 1) {
    const j = i + by;
    if (j < 0 || j >= drafts.length) return;
    const next = [...drafts];
    [next[i], next[j]] = [next[j], next[i]];
    const key = drafts[i].key;
    // At the top or bottom the button in that direction is disabled: keep focus on the other one.
    const dir =
      (by < 0 && j === 0) || (by > 0 && j === drafts.length - 1)
        ? by < 0
          ? 'down'
          : 'up'
        : by < 0
          ? 'up'
          : 'down';
    change(next, t('packages.items.moved', { n: j + 1, count: drafts.length }), `${key}-${dir}`);
  }
  function remove(i: number) {
    const next = drafts.filter((_, k) => k !== i);
    const after = next[i] ?? next[i - 1];
    change(
      next,
      t('packages.items.removed', { kind: label(drafts[i].kind) }),
      after ? `${after.key}-heading` : 'pkg-add',
    );
  }
  function edit(key: string, patch: Partial<Draft>) {
    setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));
    setDirty(true);
    setSaved(null);
  }

  async function submit() {
    const errs: Record<string, string> = {};
    for (const d of drafts)
      if (d.kind !== 'video' && !d.body.trim()) errs[d.key] = t('packages.items.bodyMissing');
    setErrors(errs);
    const first = drafts.find((d) => errs[d.key]);
    if (first) {
      document.querySelector<HTMLElement>(`[data-focus="${first.key}-body"]`)?.focus();
      return;
    }
    try {
      const p = await save.mutateAsync(drafts.map(toInput));
      setDrafts(fromPackage(p));
      setDirty(false);
      setSaved(t('packages.items.saved'));
    } catch {
      /* shown below */
    }
  }

  return (
    <section aria-labelledby="pkg-items-edit" className="pkg-items-editor">
      <h2 id="pkg-items-edit">{t('packages.itemsHeading')}</h2>
      <p className="muted">{t('packages.items.help', { max: PACKAGE_MAX_ITEMS })}</p>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      {drafts.length === 0 && <p className="muted">{t('packages.items.empty')}</p>}
      <ol className="pkg-edit-items">
        {drafts.map((d, i) => {
          const context = t('packages.items.context', { n: i + 1, kind: label(d.kind) });
          return (
            <li key={d.key} className={`pkg-edit-item pkg-item-${d.kind}`}>
              <h3 data-focus={`${d.key}-heading`} tabIndex={-1} className="pkg-edit-item-head">
                <span className="pkg-item-number">{i + 1}</span> {label(d.kind)}
              </h3>
              {d.kind === 'video' && (
                <ItemVideo
                  item={{
                    id: d.key,
                    kind: 'video',
                    title: '',
                    body: '',
                    video: d.video,
                    videoUnavailable: !d.video,
                  }}
                />
              )}
              {d.kind === 'text' && (
                <TextField
                  data-focus={`${d.key}-first`}
                  label={t('packages.items.heading')}
                  optional
                  maxLength={PACKAGE_ITEM_TITLE_MAX}
                  value={d.title}
                  onChange={(e) => edit(d.key, { title: e.target.value })}
                />
              )}
              <TextAreaField
                data-focus={d.kind === 'text' ? `${d.key}-body` : `${d.key}-first`}
                label={t(`packages.items.bodyLabel.${d.kind}`)}
                optional={d.kind === 'video'}
                rows={d.kind === 'question' ? 2 : 4}
                maxLength={PACKAGE_ITEM_BODY_MAX}
                value={d.body}
                error={errors[d.key]}
                onChange={(e) => edit(d.key, { body: e.target.value })}
              />
              <div className="actions pkg-edit-item-actions">
                <Button
                  data-focus={`${d.key}-up`}
                  variant="secondary"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  {t('packages.items.up')}
                  <span className="sr-only"> {context}</span>
                </Button>
                <Button
                  data-focus={`${d.key}-down`}
                  variant="secondary"
                  disabled={i === drafts.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t('packages.items.down')}
                  <span className="sr-only"> {context}</span>
                </Button>
                <Button variant="danger" onClick={() => remove(i)}>
                  {t('packages.items.remove')}
                  <span className="sr-only"> {context}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <fieldset className="pkg-add" data-focus="pkg-add" tabIndex={-1}>
        <legend className="sr-only">{t('packages.items.add')}</legend>
        <VideoPicker
          disabled={full}
          onPick={(v) => add({ kind: 'video', title: '', body: '', video: v, unavailable: false })}
        />
        <Button
          variant="secondary"
          disabled={full}
          onClick={() => add({ kind: 'text', title: '', body: '', video: null, unavailable: false })}
        >
          {t('packages.items.addText')}
        </Button>
        <Button
          variant="secondary"
          disabled={full}
          onClick={() => add({ kind: 'question', title: '', body: '', video: null, unavailable: false })}
        >
          {t('packages.items.addQuestion')}
        </Button>
      </fieldset>
      {full && <p className="hint">{t('packages.items.full', { max: PACKAGE_MAX_ITEMS })}</p>}
      <ErrorAlert message={save.isError ? (save.error as Error).message : null} />
      <Notice message={saved} />
      <div className="form-actions pkg-save-items">
        <Button busy={save.isPending} onClick={submit}>
          {t('packages.items.save')}
        </Button>
        {dirty && <span className="muted">{t('packages.items.unsaved')}</span>}
      </div>
    </section>
  );
}
