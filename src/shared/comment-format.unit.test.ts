import { describe, expect, it } from 'vitest';
import {
  type Block,
  type Inline,
  mentionedIds,
  mentionToken,
  parseComment,
  parseInline,
  plainText,
  safeHref,
} from './comment-format.js';

const ID = '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const text = (t: string): Inline => ({ type: 'text', text: t });

/** Every link in a parsed tree. */
function links(blocks: Block[]): string[] {
  const out: string[] = [];
  const walkLine = (line: Inline[]) => {
    for (const n of line) if (n.type === 'link') out.push(n.href);
  };
  const walk = (b: Block) => {
    if (b.type === 'paragraph') b.lines.forEach(walkLine);
    else
      for (const it of b.items) {
        it.content.forEach(walkLine);
        it.children.forEach(walk);
      }
  };
  blocks.forEach(walk);
  return out;
}

describe('comment formatting', () => {
  it('splits paragraphs on blank lines and keeps line breaks inside one', () => {
    expect(parseComment('Første linje\nanden linje\n\n\nNyt afsnit')).toEqual([
      { type: 'paragraph', lines: [[text('Første linje')], [text('anden linje')]] },
      { type: 'paragraph', lines: [[text('Nyt afsnit')]] },
    ]);
    expect(parseComment('a\r\n\r\nb')).toHaveLength(2);
    expect(parseComment('   \n\n  ')).toEqual([]);
  });

  it('shows HTML and script tags as literal text', () => {
    const body = '<script>alert("x")</script> <img src=x onerror=alert(1)> <b>fed</b>';
    expect(parseComment(body)).toEqual([{ type: 'paragraph', lines: [[text(body)]] }]);
  });

  it('links only http, https and mailto; javascript:, data: and vbscript: stay text', () => {
    for (const bad of [
      '[klik](javascript:alert(1))',
      '[klik](JaVaScRiPt:alert(1))',
      '[klik](data:text/html;base64,PHNjcmlwdD4=)',
      '[klik](vbscript:msgbox)',
      '[klik](/relative)',
      '[klik](//evil.example)',
      'javascript:alert(1)',
      '[klik](java\tscript:alert(1))',
    ]) {
      const parsed = parseComment(bad);
      expect(links(parsed), bad).toEqual([]);
    }
    expect(parseInline('[klik](javascript:alert(1))')).toEqual([text('[klik](javascript:alert(1))')]);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' https://amongi.dk/a?b=1 ')).toBe('https://amongi.dk/a?b=1');
    expect(parseInline('Læs [artiklen](https://emu.dk/x) og skriv til [mig](mailto:a@b.dk)')).toEqual([
      text('Læs '),
      { type: 'link', href: 'https://emu.dk/x', text: 'artiklen' },
      text(' og skriv til '),
      { type: 'link', href: 'mailto:a@b.dk', text: 'mig' },
    ]);
  });

  it('links bare URLs without trailing punctuation', () => {
    expect(parseInline('Se https://emu.dk/side. Eller (https://a.dk/b_(c)).')).toEqual([
      text('Se '),
      { type: 'link', href: 'https://emu.dk/side', text: 'https://emu.dk/side' },
      text('. Eller ('),
      { type: 'link', href: 'https://a.dk/b_(c)', text: 'https://a.dk/b_(c)' },
      text(').'),
    ]);
    expect(links(parseComment('www.emu.dk og ftp://x.dk'))).toEqual([]);
  });

  it('parses bullet and numbered lists, nested by indentation', () => {
    const parsed = parseComment(
      'Plan:\n\n1. Start\n2. Midte\n   - detalje\n     - dybere\n   - mere\n3. Slut',
    );
    expect(parsed[0]).toEqual({ type: 'paragraph', lines: [[text('Plan:')]] });
    const list = parsed[1];
    if (list.type !== 'list') throw new Error('expected a list');
    expect(list.ordered).toBe(true);
    expect(list.items.map((i) => i.content)).toEqual([
      [[text('Start')]],
      [[text('Midte')]],
      [[text('Slut')]],
    ]);
    const nested = list.items[1].children[0];
    expect(nested.ordered).toBe(false);
    expect(nested.items.map((i) => i.content[0])).toEqual([[text('detalje')], [text('mere')]]);
    expect(nested.items[0].children[0].items[0].content).toEqual([[text('dybere')]]);
  });

  it('keeps numbered list start and splits bullets from numbers at one level', () => {
    const parsed = parseComment('3. tre\n4. fire\n- punkt');
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(parsed[1]).toMatchObject({ type: 'list', ordered: false });
  });

  it('caps list nesting', () => {
    const body = Array.from({ length: 30 }, (_, i) => `${' '.repeat(i * 2)}- niveau ${i}`).join('\n');
    let depth = 0;
    let list = parseComment(body)[0];
    while (list.type === 'list') {
      depth++;
      const child = list.items.at(-1)?.children[0];
      if (!child) break;
      list = child;
    }
    expect(depth).toBeLessThanOrEqual(4);
  });

  it('reads mention tokens and ignores malformed ones', () => {
    const body = `Hej ${mentionToken({ id: ID, name: 'Mette [N]ørgaard' })}! og @[Ikke](nope) og @[Igen](${ID.toUpperCase()})`;
    expect(parseInline(body)[1]).toEqual({ type: 'mention', id: ID, name: 'Mette Nørgaard' });
    expect(mentionedIds(body)).toEqual([ID]);
    expect(plainText(body)).toBe('Hej @Mette Nørgaard! og @[Ikke](nope) og @Igen');
  });

  it('stays fast on long and hostile input', () => {
    const inputs = [
      'a'.repeat(100_000),
      '['.repeat(100_000),
      '[x]('.repeat(25_000),
      `https://${'a'.repeat(100_000)}`,
      '@['.repeat(50_000),
      Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(i % 40)}- punkt ${i}`).join('\n'),
      '\n'.repeat(100_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      parseComment(input);
      expect(performance.now() - started, input.slice(0, 20)).toBeLessThan(1000);
    }
  });
});
