// ISO 3166-2 subdivisions Redress asks for, where the member's state decides the law or the authority: Germany (each
// Land has its own data-protection authority for private companies) and the United States (privacy law is per state).
// Names as ISO 3166-2 gives them (German names for the Länder, with the English one where it differs).

export const REGIONS: Record<string, readonly { code: string; name: string }[]> = {
  DE: [
    { code: 'DE-BW', name: 'Baden-Württemberg' },
    { code: 'DE-BY', name: 'Bayern (Bavaria)' },
    { code: 'DE-BE', name: 'Berlin' },
    { code: 'DE-BB', name: 'Brandenburg' },
    { code: 'DE-HB', name: 'Bremen' },
    { code: 'DE-HH', name: 'Hamburg' },
    { code: 'DE-HE', name: 'Hessen (Hesse)' },
    { code: 'DE-MV', name: 'Mecklenburg-Vorpommern' },
    { code: 'DE-NI', name: 'Niedersachsen (Lower Saxony)' },
    { code: 'DE-NW', name: 'Nordrhein-Westfalen (North Rhine-Westphalia)' },
    { code: 'DE-RP', name: 'Rheinland-Pfalz (Rhineland-Palatinate)' },
    { code: 'DE-SL', name: 'Saarland' },
    { code: 'DE-SN', name: 'Sachsen (Saxony)' },
    { code: 'DE-ST', name: 'Sachsen-Anhalt (Saxony-Anhalt)' },
    { code: 'DE-SH', name: 'Schleswig-Holstein' },
    { code: 'DE-TH', name: 'Thüringen (Thuringia)' },
  ],
  US: [
    ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
    ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'],
    ['HI', 'Hawaii'], ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'],
    ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'],
    ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'], ['MO', 'Missouri'], ['MT', 'Montana'],
    ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'],
    ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
    ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'],
    ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'],
    ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
  ].map(([c, name]) => ({ code: `US-${c}`, name })),
};

/** Countries where the member's region decides the law or the authority: the new-case form asks for it. */
export const needsRegion = (country: string): boolean => country in REGIONS;

export const regionName = (code: string): string | undefined => REGIONS[code.slice(0, 2)]?.find((r) => r.code === code)?.name;

/** Null when `region` fits `country`, else why not (for a zod refinement and the CLI). */
/** Why `region` is refused for `country`, as a message of the core catalog (for a schema issue or an API error), or null. */
export function regionProblemMsg(country: string, region: string): { key: string; params?: Record<string, string> } | null {
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(region)) return { key: 'validation.regionFormat' };
  if (region.slice(0, 2) !== country) return { key: 'validation.regionOtherCountry', params: { region, country } };
  const list = REGIONS[country];
  if (list && !list.some((r) => r.code === region)) return { key: 'validation.regionUnknown', params: { region, country, list: list.map((r) => r.code).join(', ') } };
  return null;
}

export function regionProblem(country: string, region: string): string | null {
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(region)) return 'Region must be an ISO 3166-2 code such as DE-BE or US-CA.';
  if (region.slice(0, 2) !== country) return `Region ${region} is not in the case's country (${country}).`;
  const list = REGIONS[country];
  if (list && !list.some((r) => r.code === region)) return `${region} is not a region of ${country}; use one of: ${list.map((r) => r.code).join(', ')}.`;
  return null;
}
