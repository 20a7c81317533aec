import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FACETS, type FacetName } from '../../api/search';
import type { Suggestion } from './SearchBox';

/**
 * A search page's URL (shareable: ?q=&subject=&…): a change shows at once (a ticked box stays ticked) while the
 * router catches up with the new URL. `toggle` ticks a facet value, `clear` drops every facet, `pick` follows a
 * suggestion (a video opens; a term becomes a filter). The video search and the practice stories share it.
 */
export function useSearchUrl() {
  const navigate = useNavigate();
  const [routerUrl, setUrl] = useSearchParams();
  const routerKey = routerUrl.toString();
  const [pending, setPending] = useState<{ from: string; next: URLSearchParams } | null>(null);
  const url = pending && pending.from === routerKey ? pending.next : routerUrl;

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(url);
    change(next);
    setPending({ from: routerKey, next });
    setUrl(next);
  };
  const toggle = (name: FacetName, value: string, on: boolean) =>
    update((next) => {
      const values = next.getAll(name).filter((v) => v !== value);
      next.delete(name);
      for (const v of on ? [...values, value] : values) next.append(name, v);
    });
  const clear = () =>
    update((next) => {
      for (const f of FACETS) next.delete(f);
    });
  const setQuery = (q: string) =>
    update((next) => {
      if (q) next.set('q', q);
      else next.delete('q');
    });
  const pick = (s: Suggestion) => {
    if (s.kind === 'video') navigate(`/videoer/${s.id}`);
    else
      update((next) => {
        if (!next.getAll(s.kind).includes(s.id)) next.append(s.kind, s.id);
      });
  };
  return { url, update, toggle, clear, setQuery, pick };
}

/** The chosen values of every facet, as the filter column takes them. */
export const chosenFacets = (params: Record<FacetName, string[]>) =>
  Object.fromEntries(FACETS.map((f) => [f, params[f]])) as Record<FacetName, string[]>;
