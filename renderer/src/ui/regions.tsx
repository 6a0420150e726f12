import { REGIONS } from '../../../electron/core/contract';
import { i18next } from '../i18n';

/** What the region is called where the member lives: a German Land, a US state. */
export const regionFieldLabel = (country: string) => i18next.t(country === 'DE' ? 'common:region.labelDE' : 'common:region.label');

/** The choices of a region select: an empty "choose" entry, then the country's regions by name (data, not translated). */
export function RegionOptions(props: { country: string }) {
  return (
    <>
      <option value="">{i18next.t(props.country === 'DE' ? 'common:region.chooseDE' : 'common:region.choose')}</option>
      {(REGIONS[props.country] ?? []).map((r) => (
        <option key={r.code} value={r.code} translate="no">
          {r.name}
        </option>
      ))}
    </>
  );
}
