import { describe, expect, it } from 'vitest';
import {
  type SchemaDefinition,
  type SchemaDefinitionInput,
  schemaDefinitionInput,
} from '../../../../shared/observation.js';
import { AppError } from '../../../http/errors.js';
import { STARTER_SCHEMA } from './starter.js';
import { assignKeys } from './versioning.js';

/** Deterministic keys: k1, k2, … as valid-looking uuids so they are easy to tell apart. */
function counter() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}
const parse = (input: SchemaDefinitionInput) => schemaDefinitionInput.parse(input);

/** The definition as an editor sends it back: every key included. */
const asInput = (d: SchemaDefinition): SchemaDefinitionInput => structuredClone(d);

const allKeys = (d: SchemaDefinition) =>
  d.focusAreas.flatMap((a) => [a.key, ...a.indicators.map((i) => i.key), ...a.pupilItems.map((i) => i.key)]);

describe('assignKeys', () => {
  const v1 = assignKeys(parse(STARTER_SCHEMA), null, counter());

  it('gives every area and item of a first version its own key', () => {
    const keys = allKeys(v1);
    expect(keys.every((k) => /^[0-9a-f-]{36}$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(v1.pupilCount).toBe(3);
    expect(v1.focusAreas[0].title).toBe('Klar struktur og tydelige mål');
  });

  it('ignores keys sent for a first version (nothing to keep them from)', () => {
    const input = asInput(v1);
    const fresh = assignKeys(parse(input), null, () => crypto.randomUUID());
    expect(allKeys(fresh).some((k) => allKeys(v1).includes(k))).toBe(false);
  });

  it('keeps every key when nothing changed', () => {
    const v2 = assignKeys(parse(asInput(v1)), v1, counter());
    expect(v2).toEqual(v1);
  });

  it('re-keys an indicator whose text changed and keeps the rest', () => {
    const input = asInput(v1);
    input.focusAreas[0].indicators[1].text =
      'Læreren viser eksempler på, hvordan målet ser ud, når det er nået.';
    const v2 = assignKeys(parse(input), v1, () => 'ffffffff-ffff-4fff-8fff-ffffffffffff');
    expect(v2.focusAreas[0].indicators[1].key).toBe('ffffffff-ffff-4fff-8fff-ffffffffffff');
    expect(v2.focusAreas[0].indicators[0].key).toBe(v1.focusAreas[0].indicators[0].key);
    expect(v2.focusAreas[0].key).toBe(v1.focusAreas[0].key);
    expect(allKeys(v2).filter((k) => !allKeys(v1).includes(k))).toHaveLength(1);
  });

  it('re-keys an item whose scale changed (range or a label)', () => {
    const input = asInput(v1);
    const scaled = input.focusAreas[0].indicators[1];
    scaled.scale = { min: 1, max: 5, minLabel: 'Ses ikke', maxLabel: 'Tydeligt og konkret' };
    const labelled = input.focusAreas[0].pupilItems?.[1];
    if (!labelled?.scale) throw new Error('starter changed');
    labelled.scale = { ...labelled.scale, maxLabel: 'Ved det præcist' };
    const v2 = assignKeys(parse(input), v1, counter());
    expect(v2.focusAreas[0].indicators[1].key).not.toBe(v1.focusAreas[0].indicators[1].key);
    expect(v2.focusAreas[0].pupilItems[1].key).not.toBe(v1.focusAreas[0].pupilItems[1].key);
    expect(v2.focusAreas[0].pupilItems[0].key).toBe(v1.focusAreas[0].pupilItems[0].key);
  });

  it('re-keys an item whose type changed', () => {
    const input = asInput(v1);
    input.focusAreas[1].indicators[2] = { ...input.focusAreas[1].indicators[2], type: 'count', scale: null };
    const v2 = assignKeys(parse(input), v1, counter());
    expect(v2.focusAreas[1].indicators[2].key).not.toBe(v1.focusAreas[1].indicators[2].key);
    expect(v2.focusAreas[1].indicators[2].type).toBe('count');
  });

  it('gives a new key for an unknown key, and for a key moved from an indicator to a pupil item', () => {
    const input = asInput(v1);
    input.focusAreas[0].indicators[0].key = '11111111-1111-4111-8111-111111111111';
    const indicator = v1.focusAreas[0].indicators[4];
    input.focusAreas[0].pupilItems?.push({ key: indicator.key, text: indicator.text, type: 'text' });
    input.focusAreas[0].indicators.pop();
    const v2 = assignKeys(parse(input), v1, counter());
    expect(v2.focusAreas[0].indicators[0].key).not.toBe('11111111-1111-4111-8111-111111111111');
    expect(v2.focusAreas[0].pupilItems[2].key).not.toBe(indicator.key);
  });

  it('keeps an unchanged item’s key when it moves to another area', () => {
    const input = asInput(v1);
    const moved = input.focusAreas[0].indicators.splice(0, 1)[0];
    input.focusAreas[2].indicators.push(moved);
    const v2 = assignKeys(parse(input), v1, counter());
    expect(v2.focusAreas[2].indicators.at(-1)?.key).toBe(v1.focusAreas[0].indicators[0].key);
  });

  it('keeps an area’s key when its title changes (areas are containers), not when the key is unknown', () => {
    const input = asInput(v1);
    input.focusAreas[3].title = 'Alle elever deltager';
    input.focusAreas[2].key = '22222222-2222-4222-8222-222222222222';
    const v2 = assignKeys(parse(input), v1, counter());
    expect(v2.focusAreas[3].key).toBe(v1.focusAreas[3].key);
    expect(v2.focusAreas[3].title).toBe('Alle elever deltager');
    expect(v2.focusAreas[2].key).not.toBe('22222222-2222-4222-8222-222222222222');
    // Its unchanged items keep their keys all the same.
    expect(v2.focusAreas[2].indicators.map((i) => i.key)).toEqual(
      v1.focusAreas[2].indicators.map((i) => i.key),
    );
  });

  it('refuses the same key twice in one input, whether on items or areas', () => {
    const twiceItem = asInput(v1);
    twiceItem.focusAreas[1].indicators[0].key = twiceItem.focusAreas[0].indicators[0].key;
    const twiceArea = asInput(v1);
    twiceArea.focusAreas[1].key = twiceArea.focusAreas[0].key;
    for (const input of [twiceItem, twiceArea]) {
      try {
        assignKeys(parse(input), v1, counter());
        expect.unreachable('should throw');
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('observation.duplicate_key');
      }
    }
  });

  it('trims text and leaves markup as plain text', () => {
    const input = asInput(v1);
    input.focusAreas[0].indicators[0].text = '  <script>alert(1)</script> Målet er synligt  ';
    const v2 = assignKeys(parse(input), v1, counter());
    expect(v2.focusAreas[0].indicators[0].text).toBe('<script>alert(1)</script> Målet er synligt');
  });
});

describe('STARTER_SCHEMA', () => {
  it('is a valid definition with 3–4 areas, mixed types and pupil items', () => {
    const parsed = parse(STARTER_SCHEMA);
    expect(parsed.focusAreas.length).toBeGreaterThanOrEqual(3);
    expect(parsed.focusAreas.length).toBeLessThanOrEqual(4);
    const types = new Set(parsed.focusAreas.flatMap((a) => a.indicators.map((i) => i.type)));
    expect([...types].sort()).toEqual(['count', 'scale', 'text', 'yesno']);
    for (const a of parsed.focusAreas) {
      expect(a.indicators.length).toBeGreaterThanOrEqual(3);
      expect(a.indicators.length).toBeLessThanOrEqual(6);
      expect(a.pupilItems.length).toBeGreaterThanOrEqual(1);
      expect(a.pupilItems.length).toBeLessThanOrEqual(2);
      for (const i of [...a.indicators, ...a.pupilItems])
        if (i.scale) expect(i.scale.minLabel && i.scale.maxLabel).toBeTruthy();
    }
  });
});
