/**
 * Safe formatting for comments (V4). A comment is stored exactly as written and parsed into a small tree that
 * the web renders with React elements — never as HTML. What the parser knows:
 * - paragraphs, separated by a blank line; single line breaks stay line breaks;
 * - lists: lines starting with `- ` / `* ` (bullets) or `1. ` / `1) ` (numbered), nested by indentation;
 * - links: bare http(s) URLs and `[text](url)` with an http, https or mailto URL — anything else (javascript:,
 *   data:, vbscript:, relative URLs) stays plain text;
 * - mentions: `@[Name](person-id)` tokens written by the composer's people picker.
 * Everything else, HTML and `<script>` included, is text. Pure and linear in the input's length.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'link'; href: string; text: string }
  | { type: 'mention'; id: string; name: string };

export type ListItem = { content: Inline[][]; children: ListBlock[] };
export type ListBlock = { type: 'list'; ordered: boolean; start: number; items: ListItem[] };
export type Block = { type: 'paragraph'; lines: Inline[][] } | ListBlock;

/** Lists nest at most this deep; deeper items join the deepest list. */
export const MAX_LIST_DEPTH = 4;

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL, normalised, when it is an absolute http, https or mailto URL; otherwise null. */
export function safeHref(raw: string): string | null {
  const trimmed = raw.trim();
  // Only absolute URLs written with an allowed scheme (no control characters or whitespace tricks).
  if (!/^(https?:\/\/|mailto:)\S+$/i.test(trimmed)) return null;
  for (let i = 0; i < trimmed.length; i++) if (trimmed.charCodeAt(i) < 0x20) return null;
  try {
    const url = new URL(trimmed);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
// One pass over a line: a mention token, a [text](url) link, or a bare http(s) URL. Bounded repetitions keep
// the scan linear on hostile input such as thousands of '['.
const INLINE = new RegExp(
  `@\\[([^\\]\\n]{1,200})\\]\\((${UUID})\\)|\\[([^\\[\\]\\n]{1,500})\\]\\(([^\\s()]{1,2000})\\)|(https?:\\/\\/[^\\s<>"]{1,2000})`,
  'gi',
);

/** Trailing punctuation is not part of a bare URL ("se https://x.dk." → the link ends before the dot). */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0) {
    const c = url[end - 1];
    if ('.,;:!?\'"'.includes(c)) end--;
    else if (c === ')') {
      const body = url.slice(0, end);
      const open = body.split('(').length - 1;
      const close = body.split(')').length - 1;
      if (close > open) end--;
      else break;
    } else break;
  }
  return url.slice(0, end);
}

/** Parses one line into text, links and mentions. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (text: string) => {
    if (!text) return;
    const last = out.at(-1);
    if (last?.type === 'text') last.text += text;
    else out.push({ type: 'text', text });
  };
  let pos = 0;
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(line); m; m = INLINE.exec(line)) {
    const [whole, mentionName, mentionId, linkText, linkUrl, bare] = m;
    pushText(line.slice(pos, m.index));
    pos = m.index + whole.length;
    if (mentionId) {
      out.push({ type: 'mention', id: mentionId.toLowerCase(), name: mentionName.trim() });
    } else if (linkUrl !== undefined) {
      const href = safeHref(linkUrl);
      if (href && linkText.trim()) out.push({ type: 'link', href, text: linkText.trim() });
      else pushText(whole);
    } else if (bare) {
      const url = trimUrl(bare);
      const href = safeHref(url);
      if (href) out.push({ type: 'link', href, text: url });
      else pushText(url);
      // What was trimmed off (punctuation) is text again; resume scanning right after the URL.
      pos = m.index + url.length;
      INLINE.lastIndex = pos;
    }
  }
  pushText(line.slice(pos));
  return out;
}

const LIST_ITEM = /^([ \t]*)([-*]|(\d{1,9})[.)])[ \t]+(.*)$/;

type Marker = { indent: number; ordered: boolean; number: number; text: string };

function marker(line: string): Marker | null {
  const m = LIST_ITEM.exec(line);
  if (!m) return null;
  const indent = m[1].replace(/\t/g, '    ').length;
  return { indent, ordered: m[3] !== undefined, number: m[3] ? Number(m[3]) : 1, text: m[4] };
}

/** Parses consecutive list lines (and indented continuation lines) into one or more nested lists. */
function parseLists(lines: string[]): ListBlock[] {
  const roots: ListBlock[] = [];
  // Open lists from the outside in, each with the indentation of its items.
  const stack: { indent: number; list: ListBlock }[] = [];
  const newList = (mk: Marker): ListBlock => ({
    type: 'list',
    ordered: mk.ordered,
    start: mk.number,
    items: [],
  });
  for (const line of lines) {
    const mk = marker(line);
    if (!mk) {
      // A continuation line: a new line in the last item's text.
      const item = stack.at(-1)?.list.items.at(-1);
      if (item) item.content.push(parseInline(line.trim()));
      continue;
    }
    while (stack.length > 1 && mk.indent < (stack.at(-1) as { indent: number }).indent) stack.pop();
    let top = stack.at(-1);
    if (top && mk.indent > top.indent && stack.length < MAX_LIST_DEPTH) {
      const child = newList(mk);
      (top.list.items.at(-1) as ListItem).children.push(child);
      top = { indent: mk.indent, list: child };
      stack.push(top);
    } else if (!top || top.list.ordered !== mk.ordered) {
      // The first item, or bullets and numbers switching at one level: a new sibling list.
      const list = newList(mk);
      const parentItem = stack.at(-2)?.list.items.at(-1);
      if (top && parentItem) parentItem.children.push(list);
      else roots.push(list);
      top = { indent: top ? Math.min(top.indent, mk.indent) : mk.indent, list };
      if (stack.length) stack[stack.length - 1] = top;
      else stack.push(top);
    }
    top.list.items.push({ content: [parseInline(mk.text)], children: [] });
  }
  return roots;
}

/** Parses a comment body into blocks. */
export function parseComment(body: string): Block[] {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i].trim()) {
      i++;
      continue;
    }
    if (marker(lines[i])) {
      const start = i;
      // A list runs while lines are items or indented continuations.
      while (i < lines.length && lines[i].trim() && (marker(lines[i]) || /^[ \t]+\S/.test(lines[i]))) i++;
      blocks.push(...parseLists(lines.slice(start, i)));
      continue;
    }
    const para: Inline[][] = [];
    while (i < lines.length && lines[i].trim() && !marker(lines[i])) {
      para.push(parseInline(lines[i].trim()));
      i++;
    }
    blocks.push({ type: 'paragraph', lines: para });
  }
  return blocks;
}

/** The people mentioned (`@[Name](id)`), each once, in order of first mention. */
export function mentionedIds(body: string): string[] {
  const ids = new Set<string>();
  const re = new RegExp(`@\\[[^\\]\\n]{1,200}\\]\\((${UUID})\\)`, 'g');
  for (const m of body.matchAll(re)) ids.add(m[1].toLowerCase());
  return [...ids];
}

/** A mention token for the composer; brackets and parentheses in the name are dropped so it parses back. */
export const mentionToken = (p: { id: string; name: string }) =>
  `@[${p.name.replace(/[[\]()\n]/g, '').trim()}](${p.id})`;

/** The body as plain text (mentions as @Name, links as their text), for notifications and previews. */
export function plainText(body: string, max = 140): string {
  const text = parseComment(body)
    .flatMap((b) => (b.type === 'paragraph' ? b.lines : flattenList(b)))
    .map((line) => line.map((n) => (n.type === 'mention' ? `@${n.name}` : n.text)).join(''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function flattenList(l: ListBlock): Inline[][] {
  return l.items.flatMap((it) => [...it.content, ...it.children.flatMap(flattenList)]);
}
