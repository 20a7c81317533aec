import {
  COUNT_MAX,
  type IndicatorType,
  type Scale,
  type SchemaDefinition,
  TEXT_ANSWER_MAX,
} from '../../../../shared/observation.js';
import { AppError } from '../../../http/errors.js';
import type { Answer } from '../types.js';

/**
 * Answers against a schema version (O2), pure: what a device sent is checked item by item and turned into the
 * rows observation_answers stores; stored rows are turned back into answers for the visit page.
 */

type ItemInfo = { type: IndicatorType; scale: Scale | null; focusAreaKey: string; pupilItem: boolean };

/** Every item of a version by key: its type, scale, focus area and whether it is asked of pupils. */
export function itemIndex(def: SchemaDefinition): Map<string, ItemInfo> {
  const index = new Map<string, ItemInfo>();
  for (const area of def.focusAreas) {
    for (const i of area.indicators)
      index.set(i.key, { type: i.type, scale: i.scale, focusAreaKey: area.key, pupilItem: false });
    for (const i of area.pupilItems)
      index.set(i.key, { type: i.type, scale: i.scale, focusAreaKey: area.key, pupilItem: true });
  }
  return index;
}

/** One answer as the sync payload carries it (after zod parsing). */
export type SentAnswer = {
  itemKey: string;
  pupil: number;
  value: number | boolean | string | null;
  answeredAt: string;
};

/** One row for observation_answers: a number for scale, count and yes/no (1/0), a text for free text. */
export type AnswerRow = {
  itemKey: string;
  pupil: number;
  focusAreaKey: string;
  valueNum: number | null;
  valueText: string | null;
  answeredAt: Date;
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The stored value for an answer, or undefined when it does not fit its item. `null` clears an answer. */
function storedValue(
  item: ItemInfo,
  value: SentAnswer['value'],
): Pick<AnswerRow, 'valueNum' | 'valueText'> | undefined {
  if (value === null) return { valueNum: null, valueText: null };
  switch (item.type) {
    case 'scale': {
      const s = item.scale;
      return s && isInt(value) && value >= s.min && value <= s.max
        ? { valueNum: value, valueText: null }
        : undefined;
    }
    case 'yesno':
      return typeof value === 'boolean' ? { valueNum: value ? 1 : 0, valueText: null } : undefined;
    case 'count':
      return isInt(value) && value >= 0 && value <= COUNT_MAX
        ? { valueNum: value, valueText: null }
        : undefined;
    case 'text':
      return typeof value === 'string' && value.length <= TEXT_ANSWER_MAX
        ? { valueNum: null, valueText: value }
        : undefined;
  }
}

/**
 * Checks every answer against the version and answers the rows to store. All or nothing: the first answer to an
 * item that is not in the version (or to a pupil slot the item does not have) throws observation.unknown_item;
 * the first value that does not fit its item throws observation.invalid_answer. When the same item and pupil
 * come twice in one payload, the newest `answeredAt` is kept.
 */
export function validateAnswers(def: SchemaDefinition, answers: SentAnswer[]): AnswerRow[] {
  const index = itemIndex(def);
  const rows = new Map<string, AnswerRow>();
  answers.forEach((a, n) => {
    const item = index.get(a.itemKey);
    const slotFits = item && (item.pupilItem ? a.pupil >= 1 && a.pupil <= def.pupilCount : a.pupil === 0);
    if (!item || !slotFits)
      throw new AppError('observation.unknown_item', [
        { path: `answers.${n}.itemKey`, message: `no item ${a.itemKey} for pupil ${a.pupil}` },
      ]);
    const value = storedValue(item, a.value);
    const answeredAt = new Date(a.answeredAt);
    if (!value || Number.isNaN(answeredAt.getTime()))
      throw new AppError('observation.invalid_answer', [
        { path: `answers.${n}.value`, message: `does not fit a ${item.type} item` },
      ]);
    const id = `${a.itemKey}/${a.pupil}`;
    const before = rows.get(id);
    if (!before || before.answeredAt < answeredAt)
      rows.set(id, {
        itemKey: a.itemKey,
        pupil: a.pupil,
        focusAreaKey: item.focusAreaKey,
        ...value,
        answeredAt,
      });
  });
  return [...rows.values()];
}

/** A stored row back as an answer: yes/no as a boolean; items no longer known keep their number or text. */
export function answerOf(
  index: Map<string, ItemInfo>,
  row: {
    itemKey: string;
    pupil: number;
    valueNum: number | null;
    valueText: string | null;
    answeredAt: Date;
  },
): Answer {
  const type = index.get(row.itemKey)?.type;
  const value =
    row.valueText !== null
      ? row.valueText
      : row.valueNum === null
        ? null
        : type === 'yesno'
          ? row.valueNum === 1
          : row.valueNum;
  return { itemKey: row.itemKey, pupil: row.pupil, value, answeredAt: row.answeredAt.toISOString() };
}
