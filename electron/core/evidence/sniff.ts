import { open } from 'node:fs/promises';
// file-type and exifr (ESM) load when a file is added, not at every start.

export interface Sniffed {
  mime: string;
  ext?: string;
  /** A date read from inside the file (EXIF, PNG text, an email's Date header). */
  capturedAt?: string;
  /** Where that date came from, to show beside it. */
  capturedAtSource?: string;
  /** For an email: its Subject, used as the title. */
  subject?: string;
  meta: Record<string, unknown>;
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp|tiff?|heic|avif)$/i;
export const looksLikeImageName = (name: string) => IMAGE_EXT.test(name);

/** The type from the bytes (file-type), with the text formats it leaves to us: email (.eml) and plain text. */
export async function sniffFile(path: string): Promise<Sniffed> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const { fileTypeFromBuffer } = await import('file-type');
  const ft = await fileTypeFromBuffer(head);
  if (ft) {
    const out: Sniffed = { mime: ft.mime, ext: ft.ext, meta: {} };
    if (ft.mime.startsWith('image/')) await readImageDate(head, out);
    return out;
  }
  if (!isText(head)) return { mime: 'application/octet-stream', meta: {} };
  const text = head.toString('utf8');
  const email = parseEmailHeaders(text);
  if (email) {
    const out: Sniffed = { mime: 'message/rfc822', ext: 'eml', meta: { from: email.from, to: email.to, subject: email.subject } };
    if (email.subject) out.subject = email.subject;
    const d = email.date ? new Date(email.date) : null;
    if (d && !Number.isNaN(d.getTime())) {
      out.capturedAt = d.toISOString();
      out.capturedAtSource = 'the email Date header';
    }
    return out;
  }
  return { mime: 'text/plain', ext: 'txt', meta: {} };
}

function isText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  // A cut in the middle of a multi-byte character at the end of the sample is fine.
  return new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, Math.max(0, head.length - 4))).indexOf('\ufffd') < 0;
}

/** RFC 5322 header block at the top: needs a From and a Date or Subject before the first blank line. */
function parseEmailHeaders(text: string): { from?: string; to?: string; subject?: string; date?: string } | null {
  const block = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const lines = block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  if (!lines.length || !lines.every((l) => /^[!-9;-~]+:/.test(l))) return null;
  const h: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    h[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  if (!h.from || !(h.date || h.subject)) return null;
  return { from: h.from, to: h.to, subject: h.subject, date: h.date };
}

/** Metadata sits before the pixel data in JPEG, PNG, TIFF and HEIC, so the head of the file is enough to read it. */
async function readImageDate(head: Buffer, out: Sniffed): Promise<void> {
  try {
    // Raw values: EXIF dates carry no time zone, so they are kept as written rather than guessed into UTC.
    const exifr = (await import('exifr')).default;
    const tags = (await exifr.parse(head, { tiff: true, exif: true, ihdr: true, xmp: false, icc: false, iptc: false, reviveValues: false })) as
      | Record<string, unknown>
      | undefined;
    if (!tags) return;
    const raw = (tags.DateTimeOriginal ?? tags.CreateDate ?? tags['Creation Time'] ?? tags.ModifyDate) as string | undefined;
    const offset = (tags.OffsetTimeOriginal ?? tags.OffsetTime) as string | undefined;
    for (const k of ['Make', 'Model', 'Software', 'ImageWidth', 'ImageHeight', 'DateTimeOriginal', 'CreateDate', 'Creation Time']) {
      if (tags[k] !== undefined) out.meta[k] = tags[k];
    }
    if (typeof raw === 'string') {
      const iso = exifDateToIso(raw, offset);
      if (iso) {
        out.capturedAt = iso;
        out.capturedAtSource = offset ? 'the image metadata' : 'the image metadata (no time zone recorded: the camera or device clock)';
      }
    }
  } catch {
    // Metadata is a bonus: an image without readable metadata is still evidence.
  }
}

/** `2024:09:18 10:00:00` (+ optional `+02:00`) -> RFC 3339; PNG text dates (RFC 1123 or ISO) go through Date. */
export function exifDateToIso(raw: string, offset?: string): string | null {
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(raw.trim());
  if (m) {
    const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
    if (offset && /^[+-]\d{2}:\d{2}$/.test(offset)) return new Date(local + offset).toISOString();
    return local;
  }
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
