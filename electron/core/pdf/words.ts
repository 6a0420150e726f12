// The PDF's own words around the letter (the evidence appendix, captions, page numbers), in the letter's language.
export interface PdfWords {
  appendix: string;
  exhibit: string;
  kind: string;
  source: string;
  capturedLower: string;
  addedLower: string;
  captured: string;
  added: string;
  part: (part: number, parts: number) => string;
  page: (page: number, pages: number) => string;
}

export const PDF_WORDS: Record<string, PdfWords> = {
  en: {
    appendix: 'Evidence appendix',
    exhibit: 'Exhibit',
    kind: 'Kind',
    source: 'Source',
    capturedLower: 'captured',
    addedLower: 'added',
    captured: 'Captured',
    added: 'Added',
    part: (p, n) => `part ${p} of ${n}`,
    page: (p, n) => `Page ${p} of ${n}`,
  },
  de: {
    appendix: 'Anhang: Beweismittel',
    exhibit: 'Anlage',
    kind: 'Art',
    source: 'Quelle',
    capturedLower: 'aufgenommen',
    addedLower: 'hinzugefügt',
    captured: 'Aufgenommen',
    added: 'Hinzugefügt',
    part: (p, n) => `Teil ${p} von ${n}`,
    page: (p, n) => `Seite ${p} von ${n}`,
  },
  fr: {
    appendix: 'Annexe : pièces justificatives',
    exhibit: 'Pièce',
    kind: 'Type',
    source: 'Source',
    capturedLower: 'capturée',
    addedLower: 'ajoutée',
    captured: 'Capturée',
    added: 'Ajoutée',
    part: (p, n) => `partie ${p} sur ${n}`,
    page: (p, n) => `Page ${p} sur ${n}`,
  },
};

/** The words for a language, English where the PDF has none of its own. */
export const pdfWords = (language?: string): PdfWords => PDF_WORDS[language ?? 'en'] ?? PDF_WORDS.en;
