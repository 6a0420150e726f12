// The one rule for characters that never belong in a name, a title, a note or a file name, shared by every schema that
// takes such text. Pure zod, no Node imports (the renderer type-checks against this folder).
import type { z } from 'zod';

/**
 * Invisible characters that change the direction text is shown in: the embeddings and overrides U+202A–U+202E, the
 * isolates U+2066–U+2069, and the marks U+200E, U+200F and U+061C. In a name or a file name they make text read
 * differently from what is stored (`invoice\u202Efdp.exe` shows as `invoiceexe.pdf`), in lists, letters and PDFs.
 */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const BIDI_NAMES: Record<string, string> = {
  '\u061c': 'ARABIC LETTER MARK',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** C0 controls, DEL and the C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export interface PlainTextRule {
  /** What the text is, as a message starts: "Title", "Note", "The file name". */
  subject: string;
  /** Control characters this text may hold, such as "\t\n" for a name or "\t\n\r" for a note. */
  allow?: string;
  /** What the person should do, ending the message: "rename the file". */
  fix?: string;
  /**
   * The field's name in the core catalog (validation.plainText.control.<key>, .bidi.<key>): the issue's message is then
   * that key, with the character and its position as parameters, so each language words it.
   */
  key?: string;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `s` is refused under `rule` (a sentence a person can act on), or null when it is fine. */
export function plainTextProblem(s: string, rule: PlainTextRule): string | null {
  const control = [...s.matchAll(CONTROL)].find((m) => !(rule.allow ?? '').includes(m[0]));
  if (control) return `${rule.subject} must not contain control characters${rule.fix ? `; ${rule.fix}` : ''}.`;
  const bidi = BIDI_CONTROLS.exec(s);
  if (bidi) {
    const c = bidi[0];
    const fix = rule.fix ?? 'retype it without them';
    return (
      `${rule.subject} must not contain invisible text-direction characters (found ${codePoint(c)} ${BIDI_NAMES[c]} ` +
      `at character ${[...s.slice(0, bidi.index)].length + 1}): they make text read differently from what is stored; ${fix}.`
    );
  }
  return null;
}

/** A refinement for `z.string().superRefine(...)`: refuses control and text-direction characters with one message. */
export function plainText(rule: PlainTextRule) {
  return (s: string, ctx: z.RefinementCtx) => {
    const problem = plainTextProblem(s, rule);
    if (!problem) return;
    if (!rule.key) return void ctx.addIssue({ code: 'custom', message: problem });
    const bidi = BIDI_CONTROLS.exec(s);
    if (!bidi || [...s.matchAll(CONTROL)].some((m) => !(rule.allow ?? '').includes(m[0])))
      return void ctx.addIssue({ code: 'custom', message: `validation.plainText.control.${rule.key}` });
    const c = bidi[0];
    ctx.addIssue({
      code: 'custom',
      message: `validation.plainText.bidi.${rule.key}`,
      params: { char: `${codePoint(c)} ${BIDI_NAMES[c]}`, position: [...s.slice(0, bidi.index)].length + 1 },
    });
  };
}
