// The size notes after an export: over email's 25 MB, over the recipient's upload limit, and the hint naming the
// regulator the document is for (the DPC's hint never talks about the ICO).
import { describe, expect, it } from 'vitest';
import type { DraftView, ExportRecord } from '../../electron/core/contract/drafting';
import { i18next } from '../../renderer/src/i18n';
import { budgetHint, sizeWarnings } from '../../renderer/src/drafting/size';

const view = (recipient: 'ico' | 'dpc', name: string, uploadLimitMb?: number) =>
  ({ recipient: { name, address: [] }, template: { recipient, formUrl: 'https://example.org/form', ...(uploadLimitMb ? { uploadLimitMb } : {}) } }) as unknown as DraftView;
const rec = (size: number, profile: 'archive' | 'upload' = 'archive', format: ExportRecord['format'] = 'pdf') => ({ format, profile, size }) as ExportRecord;
const MB = 1024 * 1024;

describe('export size notes', () => {
  const ico = view('ico', 'Information Commissioner’s Office', 3);
  const dpc = view('dpc', 'Data Protection Commission');

  it('names the regulator the template is for in the upload hint', () => {
    expect(budgetHint(ico)).toBe('Upload limit for Information Commissioner’s Office: 3 MB per file on its online form.');
    expect(budgetHint(dpc)).toContain('Data Protection Commission');
    expect(budgetHint(dpc)).not.toMatch(/ICO|Information Commissioner/);
  });

  it('warns when an archive PDF is over the upload limit or over what email takes, and not otherwise', () => {
    expect(sizeWarnings(ico, rec(2 * MB))).toEqual([]);
    expect(sizeWarnings(ico, rec(4 * MB))).toEqual([expect.stringMatching(/^At 4 MB it is over the upload limit for Information Commissioner’s Office \(3 MB per file\)/)]);
    expect(sizeWarnings(dpc, rec(4 * MB))[0]).toMatch(/may be over the upload limit for Data Protection Commission/);
    const huge = sizeWarnings(dpc, rec(30 * MB));
    expect(huge).toHaveLength(2);
    expect(huge[0]).toMatch(/over what most email services take \(25 MB\)/);
    // An upload copy is judged against email only; text and email drafts not at all.
    expect(sizeWarnings(ico, rec(4 * MB, 'upload'))).toEqual([]);
    expect(sizeWarnings(ico, rec(40 * MB, 'archive', 'eml'))).toEqual([]);
  });

  it('speaks the language shown, with its own number format', async () => {
    await i18next.changeLanguage('de');
    try {
      expect(budgetHint(ico)).toBe('Größengrenze beim Hochladen für Information Commissioner’s Office: 3 MB pro Datei im Webformular.');
      expect(sizeWarnings(dpc, rec(30.5 * MB))[0]).toMatch(/^Mit 30,5 MB ist dieses PDF größer, als die meisten E-Mail-Dienste annehmen \(25 MB\)/);
      await i18next.changeLanguage('fr');
      expect(sizeWarnings(ico, rec(4 * MB))[0]).toMatch(/^Avec 4 Mo, il dépasse la limite de téléversement fixée par Information Commissioner’s Office \(3 Mo par fichier\)/);
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
