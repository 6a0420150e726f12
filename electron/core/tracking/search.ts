/**
 * Folds text for search: SQLite's LIKE only ignores case for ASCII, so "łuk" would miss "Łukasiewicz" and "παπα" would
 * miss "Παπαδοπούλου". Both sides of a search go through this one function.
 */
const EXTRA: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ς: 'σ' };

export function foldForSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđħßæœıς]/g, (ch) => EXTRA[ch])
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern that matches the folded text anywhere; % and _ typed by the user are literal. */
export function likePattern(q: string): string {
  return `%${foldForSearch(q).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
