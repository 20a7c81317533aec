/**
 * The pictures and sounds of the demo videos, made from ffmpeg's lavfi test sources. Each video's look is
 * derived from its place in the list: a test source, a hue, a size, a length and a tone, with its title and a
 * running clock drawn on top (when the ffmpeg in use has drawtext), so every video is visibly different.
 */
import { execFile } from 'node:child_process';
import { access, copyFile, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generatedInput, type MediaBinaries } from '../media/index.js';

export const DEMO_SOURCES = [
  'testsrc2',
  'smptehdbars',
  'mandelbrot',
  'life',
  'cellauto',
  'gradients',
  'rgbtestsrc',
  'color',
] as const;

export type DemoLook = {
  source: (typeof DEMO_SOURCES)[number];
  width: number;
  height: number;
  seconds: number;
  /** Degrees the colours are turned. */
  hue: number;
  /** Seed for the random sources (life, cellauto, gradients) and the colour of `color`. */
  seed: number;
  /** A sine tone (Hz), a silent track, or no audio at all. */
  audio: number | 'silent' | null;
  /** Text drawn in the middle (the title, wrapped). */
  text: string;
};

/** Places in the Mandelbrot set worth zooming into. */
const MANDELBROT_SPOTS: [number, number][] = [
  [-0.743643887, -0.131825904],
  [-1.25066, 0.02012],
  [-0.101096, 0.956287],
  [0.281717, 0.577055],
  [-1.768779, -0.001739],
];

const PALETTE = ['0x2f6f8f', '0x8f3f5f', '0x3f8f4f', '0x6f4f9f', '0x9f6f2f', '0x2f4f6f', '0x7f2f2f'];

/** Wraps text into lines of at most `width` characters (words are never split). */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

export function demoLook(index: number, title: string): DemoLook {
  const small = index % 3 === 2;
  return {
    source: DEMO_SOURCES[index % DEMO_SOURCES.length],
    width: small ? 480 : 640,
    height: small ? 270 : 360,
    seconds: 6 + (index % 5),
    // Videos with the same source (index 8 apart) differ by about half a turn of hue.
    hue: (Math.floor(index / DEMO_SOURCES.length) * 167 + index * 13) % 360,
    seed: 1000 + index * 7919,
    audio: index % 11 === 6 ? null : index % 7 === 3 ? 'silent' : 220 + ((index * 53) % 440),
    text: wrap(title, small ? 26 : 30),
  };
}

/** The lavfi source for a look, scaled to its size (the cellular sources are drawn coarse and enlarged). */
function sourceFilter(l: DemoLook): string {
  const size = `${l.width}x${l.height}`;
  const quarter = `${Math.round(l.width / 4)}x${Math.round(l.height / 4)}`;
  const big = `scale=${l.width}:${l.height}:flags=neighbor`;
  const hex = (n: number) => `#${(n & 0xffffff).toString(16).padStart(6, '0')}`;
  switch (l.source) {
    case 'mandelbrot': {
      const [x, y] = MANDELBROT_SPOTS[l.seed % MANDELBROT_SPOTS.length];
      return `mandelbrot=s=${Math.round(l.width / 2)}x${Math.round(l.height / 2)}:r=25:maxiter=160:start_x=${x}:start_y=${y}:start_scale=2.5:end_scale=0.05:end_pts=${l.seconds * 25},scale=${l.width}:${l.height}`;
    }
    case 'life':
      return `life=s=${quarter}:r=25:mold=8:ratio=0.3:random_seed=${l.seed}:life_color=${hex(l.seed * 2654435761)}:death_color=#1c1c28:mold_color=#3a2a20,${big}`;
    case 'cellauto':
      // Black and white: tinted, so that the hue has something to turn.
      return `cellauto=s=${quarter}:r=25:rule=${[30, 90, 110, 150, 182][l.seed % 5]}:random_seed=${l.seed}:scroll=1,${big},format=rgb24,colorchannelmixer=rr=0.9:gg=0.55:bb=0.25`;
    case 'gradients':
      return `gradients=s=${size}:r=25:c0=${PALETTE[l.seed % PALETTE.length]}:c1=0xf0d060:speed=0.03:seed=${l.seed}`;
    case 'color':
      return `color=c=${PALETTE[(l.seed >> 3) % PALETTE.length]}:s=${size}:r=25`;
    default:
      return `${l.source}=s=${size}:r=25`;
  }
}

/** What the generator can draw with this ffmpeg: drawtext and a font with æ, ø and å. */
export type TextSupport = { fontfile: string; mono: string } | null;

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];
const exists = (f: string) =>
  access(f).then(
    () => true,
    () => false,
  );

function run(file: string, args: string[], maxBuffer = 4 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(file, args, { maxBuffer }, (err, stdout, stderr) =>
      err ? reject(new Error(`${file} ${args.join(' ')}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

let textSupport: Promise<TextSupport> | undefined;

/** Whether titles can be drawn on the pictures (checked once per process). */
export function demoTextSupport(media: MediaBinaries): Promise<TextSupport> {
  textSupport ??= (async () => {
    const filters = await run(media.ffmpeg, ['-hide_banner', '-filters']).catch(() => '');
    if (!/^\s*\S+\s+drawtext\s/m.test(filters)) return null;
    for (const dir of FONT_DIRS) {
      const [bold, mono] = [path.join(dir, 'DejaVuSans-Bold.ttf'), path.join(dir, 'DejaVuSansMono.ttf')];
      if ((await exists(bold)) && (await exists(mono))) return { fontfile: bold, mono };
    }
    return null;
  })();
  return textSupport;
}

/** Paths go into a filter graph unquoted: only plain ones are used. */
const plainPath = (p: string) => /^[\w/.-]+$/.test(p);

/** Writes the look as an H.264/AAC MP4 to `out` (atomically: a temp file renamed into place). */
export async function generateDemoVideo(
  media: MediaBinaries,
  look: DemoLook,
  text: TextSupport,
  out: string,
): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'amongi-demo-'));
  try {
    const filters = [`hue=h=${look.hue}`, 'format=yuv420p'];
    if (text && plainPath(work) && plainPath(text.fontfile) && plainPath(text.mono)) {
      const textfile = path.join(work, 'title.txt');
      await writeFile(textfile, look.text);
      const size = look.width >= 640 ? 26 : 20;
      filters.push(
        `drawtext=fontfile=${text.fontfile}:textfile=${textfile}:fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=14:line_spacing=8:x=(w-text_w)/2:y=(h-text_h)/2`,
        `drawtext=fontfile=${text.mono}:text='%{pts\\:hms}':fontsize=${size - 4}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=14:y=h-th-14`,
        `drawtext=fontfile=${text.fontfile}:text='Amongi demo':fontsize=${size - 8}:fontcolor=white@0.85:x=w-tw-14:y=14`,
      );
    }
    const args = [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-y',
      // Generated inputs only: the one builder that may use lavfi (uploads go through uploadInput()).
      ...generatedInput(sourceFilter(look)),
    ];
    if (look.audio === 'silent') args.push(...generatedInput('anullsrc=r=48000:cl=stereo'));
    else if (look.audio !== null)
      args.push(...generatedInput(`sine=frequency=${look.audio}:sample_rate=48000,volume=0.2`));
    args.push('-map', '0:v', ...(look.audio === null ? [] : ['-map', '1:a']), '-t', String(look.seconds));
    args.push('-vf', filters.join(','));
    args.push(...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-g', '50', '-pix_fmt', 'yuv420p']);
    if (look.audio !== null) args.push('-c:a', 'aac', '-b:a', '64k', '-ac', '2');
    const tmp = path.join(work, 'out.mp4');
    args.push('-movflags', '+faststart', tmp);
    await run(media.ffmpeg, args);
    await rename(tmp, out).catch(async () => {
      // Another file system (rename across devices): copy beside the target, then rename.
      const beside = `${out}.${process.pid}.tmp`;
      await copyFile(tmp, beside);
      await rename(beside, out);
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
