import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Suggestions, useSuggestions } from '../../api/search';

export type Suggestion =
  | { kind: 'video'; id: string; label: string }
  | { kind: 'subject' | 'method'; id: string; label: string };

function flatten(s: Suggestions | undefined): Suggestion[] {
  if (!s) return [];
  return [
    ...s.titles.map((x) => ({ kind: 'video' as const, id: x.id, label: x.title })),
    ...s.terms.map((x) => ({ kind: x.kind, id: x.id, label: x.label })),
  ];
}

/**
 * The search field with suggestions while typing (ARIA 1.2 combobox with a listbox popup): up/down move through
 * the suggestions, Enter picks the highlighted one or searches for the text, Escape closes the list (and clears
 * the field when the list is already closed). A video title opens the video; a subject or method adds a filter.
 */
export function SearchBox({
  initial,
  onSearch,
  onPick,
  label,
}: {
  initial: string;
  onSearch: (q: string) => void;
  onPick: (s: Suggestion) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initial);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  // The highlighted suggestion by its key, so that new suggestions arriving do not move the highlight.
  const [activeKey, setActiveKey] = useState<string | null>(null);

  // A new search from outside (the URL) shows its text.
  useEffect(() => setText(initial), [initial]);
  // Ask for suggestions once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);

  const suggestions = useSuggestions(typed);
  const options = typed ? flatten(suggestions.data) : [];
  const expanded = open && options.length > 0 && text.trim().length > 0;
  const keyOf = (s: Suggestion) => `${s.kind}-${s.id}`;
  const active = activeKey === null ? -1 : options.findIndex((s) => keyOf(s) === activeKey);
  const setActive = (i: number) => setActiveKey(i >= 0 && i < options.length ? keyOf(options[i]) : null);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const choose = (s: Suggestion) => {
    setOpen(false);
    setActive(-1);
    if (s.kind === 'video') setText(s.label);
    else setText('');
    onPick(s);
  };
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    setOpen(false);
    setActive(-1);
    onSearch(text.trim());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      setOpen(true);
      const n = options.length;
      if (!expanded || active < 0) setActive(e.key === 'ArrowDown' ? 0 : n - 1);
      else if (e.key === 'ArrowDown') setActive((active + 1) % n);
      else setActive(active === 0 ? n - 1 : active - 1);
      return;
    }
    if (e.key === 'Enter' && expanded && active >= 0 && active < options.length) {
      e.preventDefault();
      choose(options[active]);
      return;
    }
    if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText('');
      }
    }
  };
  const kindLabel = (s: Suggestion) => t(`search.suggest.kind.${s.kind}`);

  return (
    <search className="search-form">
      <form onSubmit={submit}>
        <label htmlFor={`${id}-input`}>{label}</label>
        <div className="search-box-row">
          <div className="search-box-field">
            <input
              id={`${id}-input`}
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={
                expanded && active >= 0 && active < options.length ? optionId(active) : undefined
              }
              aria-describedby={`${id}-hint`}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              maxLength={500}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setOpen(true);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
              onFocus={() => setOpen(true)}
            />
            <div
              id={listId}
              role="listbox"
              aria-label={t('search.suggest.label')}
              className="search-suggestions"
              hidden={!expanded}
            >
              {expanded &&
                options.map((s, i) => (
                  // ARIA 1.2 combobox: focus stays in the field (aria-activedescendant), whose keys move
                  // through the options; an option is clicked, never focused.
                  // biome-ignore lint/a11y/useFocusableInteractive: see above.
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the field's onKeyDown handles the keys.
                  <div
                    key={keyOf(s)}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    // Keep focus in the field; the click picks the option.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(s)}
                  >
                    <span>{s.label}</span>
                    <span className="sr-only">, </span>
                    <span className="search-suggestion-kind">{kindLabel(s)}</span>
                  </div>
                ))}
            </div>
          </div>
          <button type="submit" className="btn btn-primary">
            {t('search.submit')}
          </button>
        </div>
        <p id={`${id}-hint`} className="sr-only">
          {t('search.suggest.hint')}
        </p>
        <p className="sr-only" role="status">
          {expanded ? t('search.suggest.count', { count: options.length }) : ''}
        </p>
      </form>
    </search>
  );
}
