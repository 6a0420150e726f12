import { jurisdictionFor } from '../../../electron/core/contract';
import { countryName } from '../ui/countries';

/** Says at once what follows from the country: controller, regulator, and the order of steps with its rule. */
export function JurisdictionSummary({ country }: { country: string }) {
  const j = jurisdictionFor(country);
  return (
    <aside className="callout" aria-label="What applies to you">
      <h2>What applies in {countryName(country)}</h2>
      <dl>
        <dt>Law</dt>
        <dd>{j.law}</dd>
        <dt>Controller</dt>
        <dd>
          {j.controller.name}
          {j.controller.unverified ? <span className="unverified"> (address partly unverified)</span> : null}
        </dd>
        <dt>Regulator</dt>
        <dd>{j.regulators.length ? j.regulators.map((r) => `${r.name} (${r.shortName})`).join('; then ') : 'None for these rights'}</dd>
        <dt>First step</dt>
        <dd>
          {j.hasGdprRights
            ? 'Object with LinkedIn’s Data Processing Objection Form (Art 21); if there is no answer within a month, complain to the regulator (Art 77).'
            : 'Turn the setting off and capture the evidence of when it was on.'}{' '}
          <span className="rule">{j.controllerFirst.rule}</span>
        </dd>
      </dl>
      {j.notes.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
    </aside>
  );
}
