/**
 * What a shared file (a community post's file, a cycle's evidence) really is, from its bytes: the name's extension
 * must agree with the content, and a file cut short (a broken upload) is refused. Like the video upload, which
 * ffprobe reads, the type is never taken from the browser's word or the name alone. Pure: no I/O.
 */

type Kind = { type: string; extensions: string[]; ok: (b: Buffer) => boolean };

const starts = (b: Buffer, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, s: string, at = 0) => b.subarray(at, at + s.length).toString('latin1') === s;
const ends = (b: Buffer, bytes: number[]) => starts(b, bytes, b.length - bytes.length);

/** A PDF: the header, and the end-of-file marker near the end (a cut-off PDF has none). */
const pdf = (b: Buffer) =>
  ascii(b, '%PDF-') && b.subarray(Math.max(0, b.length - 1024)).includes(Buffer.from('%%EOF'));
/** A PNG: the signature and, last, the IEND chunk. */
const png = (b: Buffer) =>
  starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) &&
  ends(b, [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
/** A JPEG: start-of-image and end-of-image markers. */
const jpeg = (b: Buffer) => b.length > 4 && starts(b, [0xff, 0xd8, 0xff]) && ends(b, [0xff, 0xd9]);
/** A GIF: the header and the trailer byte. */
const gif = (b: Buffer) =>
  (ascii(b, 'GIF87a') || ascii(b, 'GIF89a')) && b.length > 13 && b[b.length - 1] === 0x3b;
/** A WebP: a RIFF container of type WEBP whose stated size is the file's size. */
const webp = (b: Buffer) =>
  b.length >= 16 && ascii(b, 'RIFF') && ascii(b, 'WEBP', 8) && b.readUInt32LE(4) + 8 === b.length;

/** A ZIP file whose end-of-central-directory record is present (a cut-off ZIP has none) and names `part`. */
function ooxml(b: Buffer, part: string) {
  if (!starts(b, [0x50, 0x4b, 0x03, 0x04])) return false;
  const tail = b.subarray(Math.max(0, b.length - 65_557));
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return false;
  return b.includes(Buffer.from('[Content_Types].xml')) && b.includes(Buffer.from(part));
}

/** Plain text: valid UTF-8 without NUL or other binary control characters. */
function text(b: Buffer) {
  if (b.includes(0)) return false;
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(b);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: binary content is what this refuses
    return !/[\u0001-\u0008\u000e-\u001f\u007f]/.test(s);
  } catch {
    return false;
  }
}

const KINDS: Kind[] = [
  { type: 'application/pdf', extensions: ['pdf'], ok: pdf },
  { type: 'image/png', extensions: ['png'], ok: png },
  { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], ok: jpeg },
  { type: 'image/gif', extensions: ['gif'], ok: gif },
  { type: 'image/webp', extensions: ['webp'], ok: webp },
  {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    ok: (b) => ooxml(b, 'word/'),
  },
  {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    ok: (b) => ooxml(b, 'xl/'),
  },
  {
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    ok: (b) => ooxml(b, 'ppt/'),
  },
  { type: 'text/plain; charset=utf-8', extensions: ['txt', 'md'], ok: text },
];

/**
 * The file's type when its content is one of the kinds we accept (PDF, images, office documents, plain text) and
 * its name's extension agrees;
 * null otherwise (an unknown kind, a mismatch such as a program named .pdf, an empty or truncated file).
 */
export function sniffFileType(name: string, bytes: Buffer): string | null {
  if (bytes.length === 0) return null;
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const kind = KINDS.find((k) => ext && k.extensions.includes(ext));
  return kind?.ok(bytes) ? kind.type : null;
}
