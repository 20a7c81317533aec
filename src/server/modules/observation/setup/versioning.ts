import type { z } from 'zod';
import type {
  FocusArea,
  Scale,
  SchemaDefinition,
  schemaDefinitionInput,
} from '../../../../shared/observation.js';
import { AppError } from '../../../http/errors.js';

/**
 * Keys of a new schema version (O1). Data is compared across versions by item key, so a key must mean the same
 * question in every version that has it:
 * - an item keeps its key only when the previous version has an item of the same kind (indicator or pupil item)
 *   with that key and identical text, type and scale (labels included); otherwise it gets a new key;
 * - a focus area is a container: it keeps its key when the previous version has an area with that key;
 * - the same key twice in one input is an error (observation.duplicate_key).
 * Pure: no database, and `newKey` can be replaced in tests.
 */

type ParsedDefinition = z.output<typeof schemaDefinitionInput>;
type ParsedItem = ParsedDefinition['focusAreas'][number]['indicators'][number];
type Kind = 'indicator' | 'pupil';

const sameScale = (a: Scale | null, b: Scale | null) =>
  a === null || b === null
    ? a === b
    : a.min === b.min && a.max === b.max && a.minLabel === b.minLabel && a.maxLabel === b.maxLabel;

/** What must stay identical for an item to keep its key. */
type Comparable = { text: string; type: string; scale: Scale | null };
const sameItem = (a: Comparable, b: Comparable) =>
  a.text === b.text && a.type === b.type && sameScale(a.scale, b.scale);

function previousItems(previous: SchemaDefinition | null) {
  const byKey = new Map<string, { kind: Kind; text: string; type: string; scale: Scale | null }>();
  for (const area of previous?.focusAreas ?? []) {
    for (const i of area.indicators) byKey.set(i.key, { kind: 'indicator', ...i });
    for (const i of area.pupilItems) byKey.set(i.key, { kind: 'pupil', ...i });
  }
  return byKey;
}

/** Throws observation.duplicate_key when any key (area or item) is given twice. */
function assertUniqueKeys(input: ParsedDefinition) {
  const seen = new Set<string>();
  const check = (key: string | undefined) => {
    if (key === undefined) return;
    if (seen.has(key)) throw new AppError('observation.duplicate_key');
    seen.add(key);
  };
  for (const area of input.focusAreas) {
    check(area.key);
    for (const i of area.indicators) check(i.key);
    for (const i of area.pupilItems) check(i.key);
  }
}

export function assignKeys(
  input: ParsedDefinition,
  previous: SchemaDefinition | null,
  newKey: () => string = () => crypto.randomUUID(),
): SchemaDefinition {
  assertUniqueKeys(input);
  const items = previousItems(previous);
  const areaKeys = new Set((previous?.focusAreas ?? []).map((a) => a.key));

  const keyFor = <T extends ParsedItem>(kind: Kind, item: T) => {
    const before = item.key === undefined ? undefined : items.get(item.key);
    const keep = before !== undefined && before.kind === kind && sameItem(before, item);
    return keep ? (item.key as string) : newKey();
  };

  const focusAreas: FocusArea[] = input.focusAreas.map((area) => ({
    key: area.key !== undefined && areaKeys.has(area.key) ? area.key : newKey(),
    title: area.title,
    description: area.description,
    indicators: area.indicators.map((i) => ({
      key: keyFor('indicator', i),
      text: i.text,
      type: i.type,
      scale: i.scale,
    })),
    pupilItems: area.pupilItems.map((i) => ({
      key: keyFor('pupil', i),
      text: i.text,
      type: i.type,
      scale: i.scale,
    })),
  }));
  return { focusAreas, pupilCount: input.pupilCount };
}
