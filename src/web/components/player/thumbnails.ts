import { useQuery } from '@tanstack/react-query';
import { videoKeys } from '../../api/videos';

/** One seek preview: a crop of the sprite image for a span of the video. */
export type Thumbnail = {
  start: number;
  end: number;
  src: string;
  x: number;
  y: number;
  w: number;
  h: number;
};

const TIME = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;
function seconds(t: string): number | null {
  const m = TIME.exec(t.trim());
  if (!m) return null;
  return (
    Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number((m[4] ?? '0').padEnd(3, '0')) / 1000
  );
}

/**
 * Parses a thumbnails WebVTT file: cues whose text is `sprite.jpg#xywh=x,y,w,h`, relative to the VTT's URL.
 * Cues it cannot read are left out.
 */
export function parseThumbnailsVtt(text: string, vttUrl: string): Thumbnail[] {
  const base = new URL(vttUrl, window.location.href);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Thumbnail[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('-->')) continue;
    const [a, rest = ''] = lines[i].split('-->');
    const start = seconds(a);
    const end = seconds(rest.trim().split(/\s+/)[0] ?? '');
    const target = lines[i + 1]?.trim();
    const m = target ? /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target) : null;
    if (start === null || end === null || !m) continue;
    out.push({
      start,
      end,
      src: new URL(m[1], base).href,
      x: Number(m[2]),
      y: Number(m[3]),
      w: Number(m[4]),
      h: Number(m[5]),
    });
  }
  return out;
}

export function thumbnailAt(list: Thumbnail[], time: number): Thumbnail | undefined {
  return (
    list.find((c) => time >= c.start && time < c.end) ??
    (time >= (list.at(-1)?.start ?? 0) ? list.at(-1) : undefined)
  );
}

/** The seek previews of a video (empty while loading, or when there are none). */
export function useThumbnails(url: string | null | undefined): Thumbnail[] {
  const q = useQuery({
    queryKey: videoKeys.thumbnails(url),
    queryFn: async ({ signal }) => {
      const res = await fetch(url as string, { signal, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`thumbnails ${res.status}`);
      return parseThumbnailsVtt(await res.text(), url as string);
    },
    enabled: !!url,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return q.data ?? [];
}
