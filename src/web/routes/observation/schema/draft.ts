import {
  FOCUS_AREAS_MAX,
  INDICATORS_PER_AREA_MAX,
  type IndicatorType,
  PUPIL_COUNT_MAX,
  PUPIL_COUNT_MIN,
  PUPIL_ITEMS_PER_AREA_MAX,
  type SchemaDefinitionInput,
} from '../../../../shared/observation';

/**
 * The schema editor's working copy (O1): what the leader edits before saving a new version. Pure: no React.
 * Every area and item carries a local `id` (for React and focus) and the stored `key` it came with, which is
 * sent back so the server keeps the key of an unchanged item.
 */

export type DraftScale = { min: number; max: number; minLabel: string; maxLabel: string };
export type DraftItem = { id: string; key?: string; text: string; type: IndicatorType; scale: DraftScale };
export type DraftArea = {
  id: string;
  key?: string;
  title: string;
  description: string;
  indicators: DraftItem[];
  pupilItems: DraftItem[];
};
export type Draft = { focusAreas: DraftArea[]; pupilCount: number };
export type ItemList = 'indicators' | 'pupilItems';

export const DEFAULT_SCALE: DraftScale = { min: 1, max: 7, minLabel: '', maxLabel: '' };
export const MAX_PER_LIST: Record<ItemList, number> = {
  indicators: INDICATORS_PER_AREA_MAX,
  pupilItems: PUPIL_ITEMS_PER_AREA_MAX,
};
export { FOCUS_AREAS_MAX };

let counter = 0;
/** A local id, unique within the page. */
export const localId = () => `d${++counter}`;

type InputItem = SchemaDefinitionInput['focusAreas'][number]['indicators'][number];

const itemFrom = (i: InputItem): DraftItem => ({
  id: localId(),
  key: i.key,
  text: i.text,
  type: i.type,
  scale: i.scale ? { ...DEFAULT_SCALE, ...i.scale } : { ...DEFAULT_SCALE },
});

/** A working copy of a stored definition or of the starter. */
export function draftFrom(def: SchemaDefinitionInput): Draft {
  return {
    pupilCount: def.pupilCount ?? PUPIL_COUNT_MIN,
    focusAreas: def.focusAreas.map((a) => ({
      id: localId(),
      key: a.key,
      title: a.title,
      description: a.description ?? '',
      indicators: a.indicators.map(itemFrom),
      pupilItems: (a.pupilItems ?? []).map(itemFrom),
    })),
  };
}

export const newItem = (type: IndicatorType = 'scale'): DraftItem => ({
  id: localId(),
  text: '',
  type,
  scale: { ...DEFAULT_SCALE },
});

export const newArea = (): DraftArea => ({
  id: localId(),
  title: '',
  description: '',
  indicators: [newItem()],
  pupilItems: [],
});

/** What is sent to save a new version: trimmed text, a scale only on scale items, known keys kept. */
export function toInput(d: Draft): SchemaDefinitionInput {
  const item = (i: DraftItem): InputItem => ({
    ...(i.key ? { key: i.key } : {}),
    text: i.text.trim(),
    type: i.type,
    scale:
      i.type === 'scale'
        ? {
            min: i.scale.min,
            max: i.scale.max,
            minLabel: i.scale.minLabel.trim(),
            maxLabel: i.scale.maxLabel.trim(),
          }
        : null,
  });
  return {
    pupilCount: d.pupilCount,
    focusAreas: d.focusAreas.map((a) => ({
      ...(a.key ? { key: a.key } : {}),
      title: a.title.trim(),
      description: a.description.trim(),
      indicators: a.indicators.map(item),
      // The editor offers no count for pupil items, and validateDraft refuses one.
      pupilItems: a.pupilItems.map(item).map((i) => ({ ...i, type: i.type === 'count' ? 'text' : i.type })),
    })),
  };
}

/** Moves the entry at `index` one place up (-1) or down (+1); the same list when it cannot move. */
export function move<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** Problems by path (the same paths the server reports, e.g. `focusAreas.0.indicators.1.text`) → message key. */
export type DraftErrors = Record<string, string>;

export function validateDraft(d: Draft): DraftErrors {
  const errors: DraftErrors = {};
  if (d.pupilCount < PUPIL_COUNT_MIN || d.pupilCount > PUPIL_COUNT_MAX) errors.pupilCount = 'pupilCount';
  if (d.focusAreas.length === 0) errors.focusAreas = 'noAreas';
  d.focusAreas.forEach((a, ai) => {
    const at = `focusAreas.${ai}`;
    if (!a.title.trim()) errors[`${at}.title`] = 'titleRequired';
    if (a.indicators.length === 0) errors[`${at}.indicators`] = 'noIndicators';
    for (const list of ['indicators', 'pupilItems'] as const)
      a[list].forEach((i, ii) => {
        const p = `${at}.${list}.${ii}`;
        if (!i.text.trim()) errors[`${p}.text`] = 'textRequired';
        if (list === 'pupilItems' && i.type === 'count') errors[`${p}.type`] = 'pupilCount';
        if (i.type === 'scale' && !(i.scale.max > i.scale.min)) errors[`${p}.scale`] = 'scaleOrder';
      });
  });
  return errors;
}

/** Server validation details (`body.focusAreas.0.title`) → the editor's paths, nearest known field. */
export function serverPaths(details: { path: string }[]): string[] {
  return details.map((d) =>
    d.path.replace(/^(body|query|params)\.?/, '').replace(/\.scale\.(min|max|minLabel|maxLabel)$/, '.scale'),
  );
}
