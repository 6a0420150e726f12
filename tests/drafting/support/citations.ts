// Reads the legal provisions a text cites, in one normal form, so a template's text and its manifest's `legalBasis`
// can be compared: "Article 15(1)(g)", "Articles 77(2) and 57(1)(f)", "Art 13(1)(c)-(d)", "section 164A of the Data
// Protection Act 2018" / "DPA 2018 s.164A", "FADP Article 49", "Cal. Civ. Code 1798.130(a)(2)", "Recital 47".
// German and French letters cite as those languages do ("Art. 17 Abs. 1 lit. c DSGVO", "Art. 49 DSG", "article 15,
// paragraphes 1 et 3, du RGPD", "article 25, alinéa 7, LPD", "Erwägungsgrund 47", "considérant 47"): `citationsIn`
// reads them into the same normal form.
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

/** "Art. 15 Abs. 1 lit. b", "Art. 13 Abs. 1 lit. c und d", "Art. 15 Abs. 1 und Abs. 3", "Art. 25 Abs. 7 DSG". */
const DE_ART = /\bArt\. (\d+[A-Z]?)((?: Abs\. \d+(?: (?:UAbs\. \d+ )?lit\. [a-z](?: und [a-z])?)?(?: und(?: Abs\.)? \d+)?)?)( DSG\b)?/g;
/** "article 21, paragraphe 1, point f)", "article 15, paragraphes 1 et 3", "article 13, paragraphe 1, points c) et d)", "article 49 LPD". */
const FR_ART = /\b[Aa]rticle (\d+[A-Z]?)((?:, (?:paragraphes?|alinéa) \d+(?: et \d+)?(?:, points? [a-z]\)(?: et [a-z]\))?)?)?)(,? LPD\b)?/g;

function parts(n: string, paras: string[], points: string[]): string[] {
  if (!paras.length) return [n];
  if (points.length === 2) return [`${n}(${paras[0]})(${points[0]})-(${points[1]})`];
  if (points.length === 1) return [`${n}(${paras[0]})(${points[0]})`];
  return paras.map((p) => `${n}(${p})`);
}

/** The provisions a text in `lang` cites, in the normal form of `citations`. */
export function citationsIn(text: string, lang: string): Set<string> {
  if (lang === 'en') return citations(text);
  const out = new Set<string>();
  const add = (refs: string[], swiss: boolean) => refs.forEach((r) => out.add(swiss ? `FADP ${r}` : r));
  if (lang === 'de') {
    for (const m of text.matchAll(DE_ART)) {
      const paras = [...m[2].matchAll(/(?:Abs\.|und(?: Abs\.)?) (\d+)/g)].map((x) => x[1]);
      const points = [...m[2].matchAll(/lit\. ([a-z])(?: und ([a-z]))?/g)].flatMap((x) => [x[1], x[2]].filter(Boolean));
      add(parts(m[1], paras, points), Boolean(m[3]));
    }
    for (const m of text.matchAll(/\bErwägungsgrund (\d+)/g)) out.add(`Recital ${m[1]}`);
    for (const m of text.matchAll(/\bSection (\d+[A-Z]?) des Data Protection Act 2018/g)) out.add(`DPA 2018 s.${m[1]}`);
  } else if (lang === 'fr') {
    for (const m of text.matchAll(FR_ART)) {
      const paras = [...m[2].matchAll(/(?:paragraphes?|alinéa|et) (\d+)/g)].map((x) => x[1]);
      const points = [...m[2].matchAll(/points? ([a-z])\)(?: et ([a-z])\))?/g)].flatMap((x) => [x[1], x[2]].filter(Boolean));
      add(parts(m[1], paras, points), Boolean(m[3]));
    }
    for (const m of text.matchAll(/\bconsidérant (\d+)/g)) out.add(`Recital ${m[1]}`);
    for (const m of text.matchAll(/\bsection (\d+[A-Z]?) du Data Protection Act 2018/g)) out.add(`DPA 2018 s.${m[1]}`);
  }
  for (const m of text.matchAll(/Cal\. Civ\. Code (\d+\.\d+(?:\(\w+\))*)/g)) out.add(`Cal. Civ. Code ${m[1]}`);
  return out;
}

/** `general` is cited by `specific` when it is the same provision or a part of it: 21 by 21(1), 15(1) by 15(1)(g). */
export const covers = (general: string, specific: string) => specific === general || specific.startsWith(`${general}(`);
