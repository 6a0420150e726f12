// Reads the legal provisions a text cites, in one normal form, so a template's text and its manifest's `legalBasis`
// can be compared: "Article 15(1)(g)", "Articles 77(2) and 57(1)(f)", "Art 13(1)(c)-(d)", "section 164A of the Data
// Protection Act 2018" / "DPA 2018 s.164A", "FADP Article 49", "Cal. Civ. Code 1798.130(a)(2)", "Recital 47".
const REF = String.raw`\d+[A-Z]?(?:\(\w+\))*(?:-\(\w+\))?`;
const ARTICLES = new RegExp(String.raw`\b(FADP )?Art(?:icle)?s?\.? (${REF}(?:(?:, | and | or )${REF})*)`, 'g');

export function citations(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(ARTICLES)) {
    for (const ref of m[2].split(/, | and | or /)) out.add(m[1] ? `FADP ${ref}` : ref);
  }
  for (const m of text.matchAll(/\bsection (\d+[A-Z]?) of the Data Protection Act 2018|\bDPA 2018 s\.\s?(\d+[A-Z]?)/g)) out.add(`DPA 2018 s.${m[1] ?? m[2]}`);
  for (const m of text.matchAll(/Cal\. Civ\. Code (\d+\.\d+(?:\(\w+\))*)/g)) out.add(`Cal. Civ. Code ${m[1]}`);
  for (const m of text.matchAll(/\bRecital (\d+)/g)) out.add(`Recital ${m[1]}`);
  return out;
}

/** `general` is cited by `specific` when it is the same provision or a part of it: 21 by 21(1), 15(1) by 15(1)(g). */
export const covers = (general: string, specific: string) => specific === general || specific.startsWith(`${general}(`);
