// German and French letters in the PDF: DejaVu covers every character they use (umlauts, ß, accents, ligatures,
// guillemets, typographic quotes and apostrophes), pdftotext reads them back, the appendix speaks the letter's
// language, and the check that refuses characters the font lacks still holds.
import { describe, expect, it } from 'vitest';
import { buildPdf, type PdfInput } from '../../electron/core/pdf/build';
import { PDF_WORDS } from '../../electron/core/pdf/words';
import { pdfinfo, pdftotext, toFile } from './support/pdf-tools';

const DE = 'Sehr geehrte Damen und Herren,\n\nÄußerst wichtig: Übermittlung, Löschung, Größe, Straße, „Data for Generative AI Improvement“ – Art. 21 Abs. 1 DSGVO.\n\nMit freundlichen Grüßen';
const FR = 'Madame, Monsieur,\n\nJe m’oppose, au titre de l’article 21, paragraphe 1, du RGPD, au paramètre « Data for Generative AI Improvement » : œuvre, Œuvre, ça, à, être, île, côté, où, Noël, naïf, Ÿ, É, È, À, Ç, “guillemets” ‘simples’… — fin.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.';

const input = (letter: string, language: string): PdfInput => ({
  title: language === 'de' ? 'Beschwerde nach Art. 77 DSGVO' : 'Plainte au titre de l’article 77 du RGPD',
  author: 'Jürgen Weiß-Müller',
  subject: 's',
  creator: 'Redress test',
  createdAt: new Date('2026-11-23T10:00:00Z'),
  letter,
  exhibits: [{ number: 1, title: language === 'de' ? 'Änderung der Richtlinie' : 'Modification de la politique', kind: 'diff', addedAt: '2026-11-23T10:00:00Z', sha256: 'a'.repeat(64), text: '+ trains AI' }],
  attachOriginals: false,
  profileNote: 'n',
  language,
});

describe('German and French in the PDF', () => {
  it.each([
    ['de', DE, ['Äußerst', 'Übermittlung', 'Löschung', 'Größe', 'Straße', '„Data for Generative AI Improvement“', 'Grüßen', 'Anhang: Beweismittel', 'Anlage 1: Änderung der Richtlinie', 'Seite 1 von ']],
    ['fr', FR, ['m’oppose', 'l’article 21, paragraphe 1, du RGPD', '« Data for Generative AI Improvement »', 'œuvre', 'Œuvre', 'ça', 'être', 'île', 'côté', 'Noël', 'naïf', 'Ÿ', 'É', '“guillemets” ‘simples’…', 'Annexe : pièces justificatives', 'Pièce 1: Modification', 'Page 1 sur ']],
  ] as const)('%s: every character survives pdftotext, and the appendix and page numbers are in the language', async (language, letter, phrases) => {
    const { bytes } = await buildPdf(input(letter, language));
    const file = toFile(bytes);
    const text = pdftotext(file).replace(/\s+/g, ' ');
    for (const p of phrases) expect(text, p).toContain(p);
    expect(pdfinfo(file)).toMatch(language === 'de' ? /Title:\s+Beschwerde nach Art\. 77 DSGVO/ : /Title:\s+Plainte au titre de l’article 77 du RGPD/);
  });

  it('keeps English words for English letters, and every language has the same words', async () => {
    const { bytes } = await buildPdf({ ...input('Dear Sir or Madam,', 'en') });
    const text = pdftotext(toFile(bytes));
    expect(text).toContain('Evidence appendix');
    expect(text).toContain('Exhibit 1:');
    expect(text).toMatch(/Page 1 of \d/);
    for (const w of Object.values(PDF_WORDS)) expect(Object.keys(w).sort()).toEqual(Object.keys(PDF_WORDS.en).sort());
  });

  it('still refuses a German letter with characters the font lacks, naming them', async () => {
    await expect(buildPdf(input(`${DE}\n\n王小明`, 'de'))).rejects.toThrow(/cannot show these characters: 王 小 明/);
  });
});
