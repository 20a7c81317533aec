/** "12:05" or "1:02:03" (or plain seconds, with "," or "." decimals) → seconds; null when it is no time. */
export function parseClock(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  const parts = s.split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  if (parts.slice(0, -1).some((p) => p.includes('.'))) return null;
  const n = parts.map(Number);
  if (parts.length > 1 && n.slice(1).some((x) => x >= 60)) return null;
  return n.reduce((acc, x) => acc * 60 + x, 0);
}

/** Seconds as "m:ss" (tenths when not whole: "1:05.4"), for the clip fields. */
export function clock(seconds: number): string {
  const tenths = Math.round(Math.max(0, seconds) * 10);
  const whole = Math.floor(tenths / 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor(whole / 60) % 60;
  const sec = String(whole % 60).padStart(2, '0');
  const frac = tenths % 10 ? `.${tenths % 10}` : '';
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}${frac}` : `${m}:${sec}${frac}`;
}
