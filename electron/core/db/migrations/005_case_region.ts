import type { Migration } from './index';

// Where in a country the member lives (ISO 3166-2, e.g. DE-BE, US-CA): it decides the German state's authority and
// a US state's privacy law. Given and family name are kept as the member writes them, not guessed from a split.
export const m005CaseRegion: Migration = {
  version: 5,
  name: 'case region and name parts',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN region TEXT CHECK (region IS NULL OR region GLOB '[A-Z][A-Z]-*');
      ALTER TABLE cases ADD COLUMN given_name TEXT;
      ALTER TABLE cases ADD COLUMN family_name TEXT;
    `);
  },
};
