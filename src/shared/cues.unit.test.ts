import { describe, expect, it } from 'vitest';
import {
  addCueAfter,
  type Cue,
  chaptersToVtt,
  formatTimestamp,
  mergeWithNext,
  parseVtt,
  shiftCues,
  splitCue,
  toVtt,
  validateChapters,
  validateCues,
} from './cues.js';

const cues: Cue[] = [
  { start: 1, end: 4, text: 'En to tre fire' },
  { start: 5, end: 8, text: 'Fem seks' },
];

describe('cue model', () => {
  it('formats and reads timestamps', () => {
    expect(formatTimestamp(3723.5)).toBe('01:02:03.500');
    expect(parseVtt(`WEBVTT\n\n01:02:03.500 --> 01:02:04.000\nx\n`)).toEqual({
      ok: true,
      cues: [{ start: 3723.5, end: 3724, text: 'x' }],
    });
  });

  it('shifts all times, dropping cues pushed wholly before zero', () => {
    expect(shiftCues(cues, 2)).toEqual([
      { start: 3, end: 6, text: 'En to tre fire' },
      { start: 7, end: 10, text: 'Fem seks' },
    ]);
    expect(shiftCues(cues, -4.5)).toEqual(
      [
        { start: 0, end: 0, text: 'En to tre fire' },
        { start: 0.5, end: 3.5, text: 'Fem seks' },
      ].filter((c) => c.end > c.start),
    );
  });

  it('splits a cue at a time inside it by words, and refuses a time outside', () => {
    expect(splitCue(cues, 0, 2.5)).toEqual([
      { start: 1, end: 2.5, text: 'En to' },
      { start: 2.5, end: 4, text: 'tre fire' },
      cues[1],
    ]);
    expect(splitCue(cues, 0, 4.5)).toBeNull();
  });

  it('merges with the next cue', () => {
    expect(mergeWithNext(cues, 0)).toEqual([{ start: 1, end: 8, text: 'En to tre fire\nFem seks' }]);
    expect(mergeWithNext(cues, 1)).toBeNull();
  });

  it('adds a cue in the gap after one', () => {
    expect(addCueAfter(cues, 0, 60)[1]).toEqual({ start: 4, end: 5, text: '' });
  });

  it('validates reversed, overlapping, beyond the end and empty cues', () => {
    const issues = validateCues(
      [
        { start: 3, end: 1, text: 'a' },
        { start: 5, end: 9, text: 'b' },
        { start: 8, end: 10, text: 'c' },
        { start: 11, end: 70, text: 'd' },
        { start: 12, end: 13, text: ' ' },
      ],
      60,
    );
    expect([...issues]).toEqual([
      [0, 'reversed'],
      [2, 'overlap'],
      [3, 'beyond_end'],
      [4, 'empty'],
    ]);
    expect(validateCues(cues, 60).size).toBe(0);
  });

  it('validates chapters: duplicates, unsorted, beyond the end', () => {
    expect([
      ...validateChapters(
        [
          { start: 0, title: 'A' },
          { start: 0, title: 'B' },
          { start: 100, title: 'C' },
        ],
        60,
      ),
    ]).toEqual([
      [1, 'duplicate'],
      [2, 'beyond_end'],
    ]);
  });

  it('writes escaped WebVTT that reads back to the same cues (script as text, Danish kept)', () => {
    const mine = [{ start: 0, end: 2, text: '<script>alert("æøå")</script> & co\n\nny linje' }];
    const vtt = toVtt(mine);
    expect(vtt).toContain('&lt;script&gt;alert("æøå")&lt;/script&gt; &amp; co\nny linje');
    const back = parseVtt(vtt);
    expect(back.ok && back.cues[0].text).toBe('<script>alert("æøå")</script> & co\nny linje');
    expect(chaptersToVtt([{ start: 0, title: 'Start' }], 30)).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:30.000\nStart\n',
    );
  });

  it('reads BOM, CRLF, settings, NOTE/STYLE; names the line of a bad or reversed timestamp', () => {
    const ok = parseVtt('\uFEFFWEBVTT\r\n\r\nNOTE x\r\n\r\nid\r\n00:01.000 --> 00:02.000 line:0\r\nHej\r\n');
    expect(ok).toEqual({ ok: true, cues: [{ start: 1, end: 2, text: 'Hej' }] });
    expect(parseVtt('WEBVTT\n\n00:01.000 --> 00:0x.000\nHej\n')).toEqual({
      ok: false,
      problem: { kind: 'timestamp', line: 3, value: '00:0x.000' },
    });
    expect(parseVtt('WEBVTT\n\n00:05.000 --> 00:02.000\nHej\n')).toEqual({
      ok: false,
      problem: { kind: 'reversed', line: 3 },
    });
    expect(parseVtt('nej')).toEqual({ ok: false, problem: { kind: 'header', line: 1 } });
  });
});
