// How letters write dates and countries.
import { format, parseISO } from 'date-fns';

/** 30 April 2026: unambiguous in every English-speaking country. */
export const longDate = (iso: string) => {
  try {
    return format(parseISO(iso.slice(0, 10)), 'd MMMM yyyy');
  } catch {
    return iso;
  }
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (cc: string) => regionNames.of(cc) ?? cc;
// Names that read with "the" in a sentence ("members in the United Kingdom").
const WITH_THE = new Set('GB US NL AE PH BS GM CD CG CF DO KM MV MH SB SC CZ VA'.split(' '));
export const countryInSentence = (cc: string) => (WITH_THE.has(cc) ? `the ${countryName(cc)}` : countryName(cc));
