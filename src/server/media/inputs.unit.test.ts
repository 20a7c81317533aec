import { describe, expect, it } from 'vitest';
import * as commands from './commands.js';
import {
  assertUploadInputs,
  generatedInput,
  hlsArgs,
  isUploadFormat,
  posterArgs,
  spriteArgs,
  spritePlan,
  uploadInput,
} from './commands.js';
import { planLadder } from './ladder.js';
import { probeResult } from './media.testing.js';

/*
 * Issue 13, point 2: no ffmpeg or ffprobe command may let an upload choose what is opened. Every input of an
 * upload comes from uploadInput() (container allow-list, plain file reading, a file: URL), the runners refuse
 * anything else, and lavfi is only for the generated demo inputs.
 */
const ALLOWED = 'mov,matroska,avi,mpegts,mpeg,flv,asf,ogg,dv';
const valueAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('every ffmpeg/ffprobe input of an upload goes through uploadInput()', () => {
  const probe = probeResult();
  const rungs = planLadder(probe);
  /** One call of every exported argv builder; a new builder must be added here (the test below says so). */
  const builders: Record<string, () => string[]> = {
    probeArgs: () => commands.probeArgs('/in/a.mp4'),
    firstFrameArgs: () => commands.firstFrameArgs('/in/a.mp4'),
    hlsArgs: () =>
      hlsArgs({ input: '/in/a.mp4', outDir: '/o', rungs, probe, remuxTop: true, ffmpegVersion: '4.1' }),
    posterArgs: () => posterArgs('/in/a.mp4', '/o/p.jpg', probe, 1),
    spriteArgs: () => spriteArgs('/in/a.mp4', '/o/s.jpg', spritePlan(10), probe),
  };

  /** Exported functions that build no argv. A new export must go in one of the two lists. */
  const helpers = ['assertUploadInputs', 'generatedInput', 'isUploadFormat', 'posterSize', 'posterTime'];

  it('covers every exported builder', () => {
    const exported = Object.entries(commands)
      .filter(([, v]) => typeof v === 'function')
      .map(([name]) => name);
    expect(exported.sort()).toEqual(
      [...Object.keys(builders), ...helpers, 'spritePlan', 'uploadInput'].sort(),
    );
  });

  it.each(Object.keys(builders))('%s has both allow-lists before each -i, and a file: URL', (name) => {
    const args = builders[name]();
    const inputs = args.flatMap((a, i) => (a === '-i' ? [i] : []));
    expect(inputs).toHaveLength(1);
    let from = 0;
    for (const i of inputs) {
      const own = args.slice(from, i);
      expect(valueAfter(own, '-format_whitelist')).toBe(ALLOWED);
      expect(valueAfter(own, '-protocol_whitelist')).toBe('file');
      expect(own).not.toContain('-f');
      expect(args[i + 1]).toBe('file:/in/a.mp4');
      from = i + 2;
    }
    expect(() => assertUploadInputs(args)).not.toThrow();
  });

  it('keeps both allow-lists in every issue-21 rendition command (copy alone, lowest rung alone, the rest)', () => {
    const copyPlan = planLadder(probe, { remuxTop: true });
    const shapes = [
      { rungs: [copyPlan[copyPlan.length - 1]], remuxTop: true },
      { rungs: [rungs[0]], remuxTop: false, threads: 2 },
      { rungs: rungs.slice(1), remuxTop: false, threads: 1 },
      { rungs: copyPlan.slice(0, -1), remuxTop: false, threads: 2 },
    ];
    for (const shape of shapes) {
      const args = hlsArgs({ input: '/in/a.mp4', outDir: '/o', probe, ffmpegVersion: '5.1', ...shape });
      expect(args.filter((a) => a === '-i')).toHaveLength(1);
      const own = args.slice(0, args.indexOf('-i'));
      expect(valueAfter(own, '-format_whitelist')).toBe(ALLOWED);
      expect(valueAfter(own, '-protocol_whitelist')).toBe('file');
      expect(args[args.indexOf('-i') + 1]).toBe('file:/in/a.mp4');
      expect(() => assertUploadInputs(args)).not.toThrow();
    }
  });

  it('makes the path an absolute file: URL, so no name is read as another protocol', () => {
    const url = (p: string) => uploadInput(p).at(-1);
    expect(url('/data/media/originals/abc')).toBe('file:/data/media/originals/abc');
    expect(url('concat:/etc/passwd|/x.ts')).toBe(`file:${process.cwd()}/concat:/etc/passwd|/x.ts`);
    expect(url('subfile:,start,0,end,0,:/etc/passwd')).toMatch(/^file:\/.*\/subfile:/);
    expect(url('/a/../b/img-%03d.jpg')).toBe('file:/b/img-%03d.jpg');
    expect(uploadInput('/x', ['-ss', '1.000']).slice(0, 2)).toEqual(['-ss', '1.000']);
  });

  it('the runners refuse any input that did not come from uploadInput()', () => {
    const ok = [...uploadInput('/a'), '-f', 'null', '-'];
    expect(() => assertUploadInputs(ok)).not.toThrow();
    const refused = [
      ['-i', '/a', '-f', 'null', '-'],
      ['-i', 'file:/a'],
      ['-format_whitelist', ALLOWED, '-i', 'file:/a'],
      ['-protocol_whitelist', 'file', '-i', 'file:/a'],
      ['-format_whitelist', 'hls', '-protocol_whitelist', 'file', '-i', 'file:/a'],
      ['-format_whitelist', ALLOWED, '-protocol_whitelist', 'file,http', '-i', 'file:/a'],
      [...uploadInput('/a').slice(0, -2), '-format_whitelist', 'hls', '-i', 'file:/a'],
      ['-format_whitelist', ALLOWED, '-protocol_whitelist', 'file', '-i', '/a'],
      ['-format_whitelist', ALLOWED, '-protocol_whitelist', 'file', '-i', 'concat:/a|/b'],
      ['-f', 'lavfi', '-format_whitelist', ALLOWED, '-protocol_whitelist', 'file', '-i', 'file:/a'],
      [...uploadInput('/a'), '-i', '/b'],
      [...uploadInput('/a'), ...generatedInput('testsrc2=s=64x64')],
    ];
    for (const args of refused) expect(() => assertUploadInputs(args), args.join(' ')).toThrow();
  });

  it('matches probed container names against the allow-list name by name', () => {
    expect(isUploadFormat('mov,mp4,m4a,3gp,3g2,mj2')).toBe(true);
    expect(isUploadFormat('matroska,webm')).toBe(true);
    expect(isUploadFormat('hls,applehttp')).toBe(false);
    expect(isUploadFormat('webm_dash_manifest')).toBe(false);
    expect(isUploadFormat('image2')).toBe(false);
    expect(isUploadFormat('')).toBe(false);
  });
});

describe('generatedInput (demo videos only)', () => {
  it('takes lavfi source chains and nothing that opens a file', () => {
    expect(generatedInput('testsrc2=s=640x360:r=25')).toEqual([
      ...['-f', 'lavfi', '-format_whitelist', 'lavfi', '-protocol_whitelist', 'file'],
      ...['-i', 'testsrc2=s=640x360:r=25'],
    ]);
    for (const ok of [
      'life=s=160x90:r=25:mold=8:life_color=#123456,scale=640:360:flags=neighbor',
      'cellauto=s=160x90:r=25:rule=30,scale=640:360,format=rgb24,colorchannelmixer=rr=0.9:gg=0.55',
      'sine=frequency=300:sample_rate=48000,volume=0.2',
      'anullsrc=r=48000:cl=stereo',
    ])
      expect(() => generatedInput(ok)).not.toThrow();
    for (const bad of [
      'movie=/etc/passwd',
      'amovie=/data/media/originals/x',
      'testsrc2,movie=/x',
      'testsrc2[a];movie=/x[b]',
      "testsrc2='x'",
      'color=c=red,drawtext=textfile=/etc/passwd',
      'color=c=red,sendcmd=filename=/x',
      '',
    ])
      expect(() => generatedInput(bad), bad).toThrow();
  });
});
