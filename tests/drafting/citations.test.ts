// Every template's article list (manifest `legalBasis`) matches the provisions its text relies on, both ways: no
// article cited in the text is missing from the list, and nothing in the list is left uncited.
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../electron/core/drafting/templates';
import { citations, citationsIn, covers } from './support/citations';

describe('citations', () => {
  it('reads the forms the templates use', () => {
    expect([...citations('Article 15(1)(g); Articles 77(2) and 57(1)(f); Art 13(1)(c)-(d); Arts 5(2), 6(1)(f) or 12A')]).toEqual([
      '15(1)(g)',
      '77(2)',
      '57(1)(f)',
      '13(1)(c)-(d)',
      '5(2)',
      '6(1)(f)',
      '12A',
    ]);
    expect([...citations('section 164A of the Data Protection Act 2018; DPA 2018 s.164A; FADP Article 49; Cal. Civ. Code 1798.130(a)(2); Recital 47')]).toEqual([
      'FADP 49',
      'DPA 2018 s.164A',
      'Cal. Civ. Code 1798.130(a)(2)',
      'Recital 47',
    ]);
    expect([...citations('on 3 November 2025, within 14 days, Regulation (EU) 2025/2518')]).toEqual([]);
  });

  it('reads the German and French forms into the same normal form', () => {
    expect([...citationsIn('Art. 77 DSGVO; Art. 21 Abs. 1 DSGVO; Art. 17 Abs. 1 lit. c DSGVO; Art. 13 Abs. 1 lit. c und d; Art. 15 Abs. 1 und Abs. 3; Art. 12A UK GDPR; Art. 25 Abs. 7 DSG; Art. 49 DSG; Erwägungsgrund 47; Section 164A des Data Protection Act 2018', 'de')]).toEqual([
      '77', '21(1)', '17(1)(c)', '13(1)(c)-(d)', '15(1)', '15(3)', '12A', 'FADP 25(7)', 'FADP 49', 'Recital 47', 'DPA 2018 s.164A',
    ]);
    expect([...citationsIn('l’article 77 du RGPD ; article 21, paragraphe 1, du RGPD ; article 6, paragraphe 1, point f), du RGPD ; article 13, paragraphe 1, points c) et d) ; article 15, paragraphes 1 et 3 ; article 25, alinéa 7, LPD ; article 49 LPD ; considérant 47 ; section 164A du Data Protection Act 2018', 'fr')]).toEqual([
      '77', '21(1)', '6(1)(f)', '13(1)(c)-(d)', '15(1)', '15(3)', 'FADP 25(7)', 'FADP 49', 'Recital 47', 'DPA 2018 s.164A',
    ]);
  });

  for (const t of loadTemplates()) {
    const m = t.manifest;
    it.each(m.languages)(`${m.id} (%s): legalBasis lists exactly what the text cites`, (lang) => {
      const b = t.bodies[lang];
      const text = [b.subject, b.letter, ...Object.values(b.fields)].join('\n');
      const inText = [...citationsIn(text, lang)];
      const listed = [...new Set(m.legalBasis.flatMap((b) => [...citations(b)]))];
      // Every legalBasis entry names something the reader can find.
      for (const b of m.legalBasis) expect(citations(b).size, `"${b}" names no provision`).toBeGreaterThan(0);
      // Cited in the text, so listed: exactly, or a bare article ("Article 21" in a subject) whose part is listed.
      const unlisted = inText.filter((c) => !listed.includes(c) && !(/^\d+[A-Z]?$/.test(c) && listed.some((l) => covers(c, l))));
      expect(unlisted, `${m.id}: cited in the text but not in legalBasis`).toEqual([]);
      // Listed, so cited: exactly, or through a part of it ("Art 15" by "Article 15(1)(g)").
      const uncited = listed.filter((l) => !inText.some((c) => covers(l, c)));
      expect(uncited, `${m.id}: in legalBasis but cited nowhere in the text`).toEqual([]);
    });
  }
});
