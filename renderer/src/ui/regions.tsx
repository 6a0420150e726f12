import { REGIONS } from '../../../electron/core/contract';

/** What the region is called where the member lives: a German Land, a US state. */
export const regionFieldLabel = (country: string) => (country === 'DE' ? 'Land (state) where you live' : 'State where you live');

/** The choices of a region select: an empty "choose" entry, then the country's regions by name. */
export function RegionOptions(props: { country: string }) {
  return (
    <>
      <option value="">{props.country === 'DE' ? 'Choose a Land…' : 'Choose a state…'}</option>
      {(REGIONS[props.country] ?? []).map((r) => (
        <option key={r.code} value={r.code}>
          {r.name}
        </option>
      ))}
    </>
  );
}
