import iconv from 'iconv-lite';

/** Bytes of an uploaded spreadsheet export → text, and the separator its header line uses. Pure; no I/O. */

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text"); UTF-8 (BOM stripped) when the
 * bytes are valid UTF-8; otherwise Windows-1252, which is what Danish Excel writes for "CSV (semikolonsepareret)".
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf, 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf, 'utf-16be'), encoding: 'utf-16be' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252' };
  }
}

export type Delimiter = ';' | ',' | '\t';

/** The separator that occurs most often outside quotes in the header line: ';' (Danish Excel), ',' or tab. */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}
