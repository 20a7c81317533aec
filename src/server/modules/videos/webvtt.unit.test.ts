import { describe, expect, it } from 'vitest';
import { parseWebVtt } from './webvtt.js';

const good = `WEBVTT - lektion

NOTE skrevet af læreren

1
00:00:01.000 --> 00:00:03.500 line:90%
<v Lærer>Godmorgen, <b>alle</b> sammen

00:04.000 --> 00:06.000
Vi starter med &amp; slutter med en runde
`;

describe('parseWebVtt', () => {
  it('reads cues with and without identifiers, hours, settings, notes, voice and markup', () => {
    expect(parseWebVtt(good)).toEqual({
      cues: 2,
      text: 'Godmorgen, alle sammen\nVi starter med & slutter med en runde',
    });
  });

  it('accepts a byte order mark and Windows line ends', () => {
    expect(parseWebVtt(`\uFEFF${good.replace(/\n/g, '\r\n')}`)?.cues).toBe(2);
  });

  it.each([
    ['no header', '00:00:01.000 --> 00:00:02.000\nHej'],
    ['an SRT file', '1\n00:00:01,000 --> 00:00:02,000\nHej\n'],
    ['end before start', 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nHej'],
    ['a bad timestamp', 'WEBVTT\n\n00:00:61.000 --> 00:01:02.000\nHej'],
    ['no cues at all', 'WEBVTT\n\nNOTE kun en note\n'],
    ['text where a cue should be', 'WEBVTT\n\nbare tekst\nmere tekst\nendnu mere'],
    ['an HTML page', '<!doctype html><script>alert(1)</script>'],
    ['empty', ''],
  ])('rejects %s', (_name, text) => {
    expect(parseWebVtt(text)).toBeNull();
  });
});
