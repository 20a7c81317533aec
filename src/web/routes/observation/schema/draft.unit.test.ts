import { describe, expect, it } from 'vitest';
import { schemaDefinitionInput } from '../../../../shared/observation';
import { draftFrom, move, newArea, serverPaths, toInput, validateDraft } from './draft';

const KEY_A = '00000000-0000-4000-8000-00000000000a';
const KEY_I = '00000000-0000-4000-8000-000000000001';

const stored = {
  pupilCount: 4,
  focusAreas: [
    {
      key: KEY_A,
      title: 'Tydelige mål',
      description: 'Eleverne ved, hvad de skal lære.',
      indicators: [
        { key: KEY_I, text: 'Målet er synligt', type: 'yesno' as const, scale: null },
        {
          text: 'Overgange er rolige',
          type: 'scale' as const,
          scale: { min: 1, max: 7, minLabel: 'Uro', maxLabel: 'Glidende' },
        },
      ],
      pupilItems: [{ text: 'Hvad skal du lære?', type: 'text' as const, scale: null }],
    },
  ],
};

describe('schema draft', () => {
  it('round-trips a definition, keeping keys and sending a scale only on scale items', () => {
    const input = toInput(draftFrom(stored));
    expect(input).toEqual(stored);
    expect(schemaDefinitionInput.safeParse(input).success).toBe(true);
  });

  it('drops the scale when an item stops being a scale, and trims text', () => {
    const d = draftFrom(stored);
    d.focusAreas[0].indicators[1] = { ...d.focusAreas[0].indicators[1], type: 'count', text: '  Antal  ' };
    const out = toInput(d).focusAreas[0].indicators[1];
    expect(out).toEqual({ text: 'Antal', type: 'count', scale: null });
  });

  it('moves within bounds only', () => {
    expect(move([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(move([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    const same = [1, 2, 3];
    expect(move(same, 0, -1)).toBe(same);
    expect(move(same, 2, 1)).toBe(same);
  });

  it('finds what the server would refuse, by the same paths', () => {
    const d = draftFrom(stored);
    expect(validateDraft(d)).toEqual({});
    d.focusAreas[0].title = ' ';
    d.focusAreas[0].indicators[1].scale = { min: 5, max: 5, minLabel: '', maxLabel: '' };
    d.focusAreas[0].pupilItems[0].type = 'count';
    d.focusAreas.push({ ...newArea(), indicators: [] });
    expect(validateDraft(d)).toEqual({
      'focusAreas.0.title': 'titleRequired',
      'focusAreas.0.indicators.1.scale': 'scaleOrder',
      'focusAreas.0.pupilItems.0.type': 'pupilCount',
      'focusAreas.1.title': 'titleRequired',
      'focusAreas.1.indicators': 'noIndicators',
    });
    expect(validateDraft({ pupilCount: 3, focusAreas: [] })).toEqual({ focusAreas: 'noAreas' });
  });

  it('maps server detail paths onto the editor fields', () => {
    expect(
      serverPaths([{ path: 'body.focusAreas.0.indicators.2.scale.max' }, { path: 'focusAreas.1.title' }]),
    ).toEqual(['focusAreas.0.indicators.2.scale', 'focusAreas.1.title']);
  });
});
