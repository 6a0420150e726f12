// An .eml draft the member opens in their mail program, checks, and sends themselves. X-Unsent makes Outlook and
// Thunderbird open it as a draft; nothing is sent by Redress.

/** RFC 2047 encoded-word for non-ASCII header text (names and subjects in Greek, Polish, Cyrillic …). */
export function encodeHeader(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  // Encoded words are at most 75 characters: split on whole characters, never inside a UTF-8 sequence.
  const words: string[] = [];
  let chunk = '';
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

export function toEml(o: { fromName: string; fromEmail: string; to?: string; subject: string; body: string; date: Date }): string {
  const body = Buffer.from(o.body.replace(/\r?\n/g, '\r\n') + '\r\n', 'utf8')
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  const from = `${encodeHeader(o.fromName.replace(/["\r\n]/g, ''))} <${o.fromEmail}>`;
  return [
    `From: ${from}`,
    `To: ${o.to ?? ''}`,
    `Subject: ${encodeHeader(o.subject.replace(/[\r\n]+/g, ' '))}`,
    `Date: ${o.date.toUTCString().replace('GMT', '+0000')}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
    '',
  ].join('\r\n');
}
