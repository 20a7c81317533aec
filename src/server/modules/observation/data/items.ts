import type { IndicatorType, Scale, SchemaDefinition } from '../../../../shared/observation.js';

/**
 * Which questions institution data shows, and under which label (O4). Data is aggregated by item key, and a key
 * carries over between an institution's schema versions while its question is unchanged; the label and the
 * place come from the newest version that has the key. Across institutions (the kommune view) the same question
 * has different keys, so items with the same focus area title, kind, text, type and scale are shown as one.
 * Pure.
 */

export type CatalogItem = {
  index: number;
  key: string;
  text: string;
  type: IndicatorType;
  scale: Scale | null;
  /** A pupil-interview item (answered per picked pupil). */
  pupil: boolean;
};
export type CatalogArea = { key: string; title: string; items: CatalogItem[] };
export type Catalog = {
  areas: CatalogArea[];
  /** Every item in view by index. */
  items: CatalogItem[];
  /** Item key → index of the item it is shown as (only items of the chosen focus area, when one is). */
  keys: Map<string, number>;
  /** With a focus area chosen: every area key shown as it (else null). */
  areaKeys: string[] | null;
  /** False when a focus area was asked for that no schema in view has. */
  focusAreaKnown: boolean;
};

type Version = { institutionId: string; version: number; definition: SchemaDefinition };

/**
 * `versions` newest first per institution, `institutionOrder` the order institutions are shown in. Newest versions
 * (in institution order) are read first, so areas and items come in the order of the newest versions.
 */
export function buildCatalog(
  versions: Version[],
  institutionOrder: string[],
  focusArea: string | null,
): Catalog {
  const rankIn = new Map<string, number>();
  const ranked = versions.map((ver) => {
    const rank = rankIn.get(ver.institutionId) ?? 0;
    rankIn.set(ver.institutionId, rank + 1);
    return { ver, rank, place: institutionOrder.indexOf(ver.institutionId) };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.place - b.place || b.ver.version - a.ver.version);

  const areas: CatalogArea[] = [];
  const items: CatalogItem[] = [];
  const areaByKey = new Map<string, CatalogArea>();
  const areaByTitle = new Map<string, CatalogArea>();
  const itemByKey = new Map<string, CatalogItem>();
  const itemBySignature = new Map<string, CatalogItem>();
  for (const { ver } of ranked) {
    for (const area of ver.definition.focusAreas) {
      let shown = areaByKey.get(area.key) ?? areaByTitle.get(area.title);
      if (!shown) {
        shown = { key: area.key, title: area.title, items: [] };
        areas.push(shown);
        areaByTitle.set(area.title, shown);
      }
      areaByKey.set(area.key, shown);
      const all = [
        ...area.indicators.map((i) => ({ ...i, pupil: false })),
        ...area.pupilItems.map((i) => ({ ...i, pupil: true })),
      ];
      for (const i of all) {
        if (itemByKey.has(i.key)) continue;
        const signature = JSON.stringify([shown.key, i.pupil, i.text, i.type, i.scale]);
        let item = itemBySignature.get(signature);
        if (!item) {
          item = {
            index: items.length,
            key: i.key,
            text: i.text,
            type: i.type,
            scale: i.scale,
            pupil: i.pupil,
          };
          items.push(item);
          shown.items.push(item);
          itemBySignature.set(signature, item);
        }
        itemByKey.set(i.key, item);
      }
    }
  }
  // Within an area, indicators first and pupil-interview items after them.
  for (const a of areas) a.items.sort((x, y) => Number(x.pupil) - Number(y.pupil) || x.index - y.index);

  const chosen = focusArea === null ? null : (areaByKey.get(focusArea) ?? null);
  const inView = (item: CatalogItem) => focusArea === null || chosen?.items.includes(item) === true;
  const keys = new Map<string, number>();
  for (const [key, item] of itemByKey) if (inView(item)) keys.set(key, item.index);
  return {
    areas: chosen ? [chosen] : focusArea === null ? areas : [],
    items,
    keys,
    areaKeys: chosen ? [...areaByKey].filter(([, a]) => a === chosen).map(([k]) => k) : null,
    focusAreaKnown: focusArea === null || chosen !== null,
  };
}

/**
 * Institutions where summing data cells would count a teacher twice (cells-repo.ts): an institution with two
 * (focus area key, item key) pairs shown as the same item — a question changed and changed back, an item moved
 * to another area, two areas with one title — or, with a focus area chosen, two of its area keys shown as it.
 * Pure: from the schema versions in view.
 */
export function institutionsWithSharedUnits(
  versions: Version[],
  keys: Map<string, number>,
  areaKeys: string[] | null,
): string[] {
  const units = new Map<string, Set<string>>();
  const areas = new Map<string, Set<string>>();
  const shared = new Set<string>();
  const inView = (area: string) => areaKeys === null || areaKeys.includes(area);
  for (const { institutionId, definition } of versions) {
    for (const area of definition.focusAreas) {
      if (!inView(area.key)) continue;
      const areaSet = areas.get(institutionId) ?? new Set();
      areas.set(institutionId, areaSet.add(area.key));
      if (areaKeys !== null && areaSet.size > 1) shared.add(institutionId);
      for (const item of [...area.indicators, ...area.pupilItems]) {
        const shownAs = keys.get(item.key);
        if (shownAs === undefined) continue;
        const unit = `${area.key}|${item.key}`;
        const byItem = units.get(`${institutionId}|${shownAs}`) ?? new Set();
        units.set(`${institutionId}|${shownAs}`, byItem.add(unit));
        if (byItem.size > 1) shared.add(institutionId);
      }
    }
  }
  return [...shared];
}
