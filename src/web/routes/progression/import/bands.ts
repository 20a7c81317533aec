import type { ImportPreview, ImportRequest } from '../../../api/progression';

/** The score bands as the form holds them (text, so "29,5" and "" can be typed) and as the API takes them. */

export type Band = NonNullable<ImportRequest['bands']>[number];
export type BandStatus = Band['status'];
export type BandDraft = Record<BandStatus, { min: string; max: string }>;

export const BAND_STATUSES: BandStatus[] = ['groen', 'gul', 'roed'];

const show = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

/** The draft of bands from the server (one band per status; a status without one is blank). */
export function draftOf(bands: ImportPreview['bands']): BandDraft {
  const draft: BandDraft = {
    groen: { min: '', max: '' },
    gul: { min: '', max: '' },
    roed: { min: '', max: '' },
  };
  for (const b of bands) draft[b.status] = { min: show(b.min), max: show(b.max) };
  return draft;
}

/** A typed limit: '' is none, a number with a decimal comma or point, else undefined (not a number). */
export function parseLimit(text: string): number | null | undefined {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!s) return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  return Number(s);
}

/** The bands to send, or the fields that are not numbers. A status with both fields blank has no band. */
export function bandsOf(draft: BandDraft): { bands: Band[]; invalid: string[] } {
  const bands: Band[] = [];
  const invalid: string[] = [];
  for (const status of BAND_STATUSES) {
    const min = parseLimit(draft[status].min);
    const max = parseLimit(draft[status].max);
    if (min === undefined) invalid.push(`${status}.min`);
    if (max === undefined) invalid.push(`${status}.max`);
    if (min === undefined || max === undefined) continue;
    if (min === null && max === null) continue;
    if (min !== null && max !== null && min > max) invalid.push(`${status}.max`);
    else bands.push({ status, min, max });
  }
  return { bands, invalid };
}

/** Bytes → base64 without building one huge string argument (files up to 2 MB). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
