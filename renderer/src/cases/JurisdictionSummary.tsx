import { useEffect, useId, useState } from 'react';
import { languageName, needsRegion, PLATFORM_LABELS, PLATFORMS, regionName, type Jurisdiction, type Regulator } from '../../../electron/core/contract';
import { invoke } from '../api';
import { countryName } from '../ui/countries';
import { RegionOptions } from '../ui/regions';
import { useAsync } from '../ui/useAsync';

/**
 * Says at once what follows from where the member lives: law, controller, their home authority (Art 77) and the lead
 * authority (the DPC for LinkedIn Ireland), from the core's `jurisdiction.get` (data/authorities). Facts the data marks
 * as unconfirmed are shown as such. On a case page (`caseId`), the member can set their state here later.
 */
export function JurisdictionSummary(props: {
  country: string;
  region?: string | null;
  /** The platform the case is about (its controller and lead authority); LinkedIn where not given. */
  platform?: string;
  caseId?: string;
  onRegionSaved?: () => void;
  /** 3 inside the case page's Details section; 2 where it stands on its own (the new-case form). */
  headingLevel?: 2 | 3;
}) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const region = props.region || null;
  const platform = (PLATFORMS as readonly string[]).includes(props.platform ?? '') ? (props.platform as (typeof PLATFORMS)[number]) : 'linkedin';
  const { data: j, error } = useAsync(() => invoke('jurisdiction.get', { country: props.country, region, platform }), [props.country, region, platform]);
  const place = region ? `${countryName(props.country)}, ${regionName(region) ?? region}` : countryName(props.country);
  return (
    <aside className="callout jurisdiction" aria-label="What applies to you" aria-busy={!j && !error}>
      <Heading>What applies in {place}</Heading>
      {error ? (
        <p role="alert" className="error">
          Could not work out the authorities: {error}
        </p>
      ) : !j ? (
        <p className="hint">Looking up the authorities…</p>
      ) : (
        <JurisdictionFacts j={j} platform={platform} />
      )}
      {props.caseId && needsRegion(props.country) ? (
        <RegionControl caseId={props.caseId} country={props.country} region={region} onSaved={props.onRegionSaved} />
      ) : null}
    </aside>
  );
}

function JurisdictionFacts({ j, platform }: { j: Jurisdiction; platform: (typeof PLATFORMS)[number] }) {
  const home = j.regulators.find((r) => r.role === 'home');
  const lead = j.regulators.find((r) => r.role === 'lead');
  const linkedin = platform === 'linkedin';
  const leadFor = linkedin ? 'LinkedIn Ireland' : j.controller.name;
  return (
    <>
      <dl>
        <dt>Law</dt>
        <dd>{j.law}</dd>
        <dt>Controller</dt>
        <dd>
          {j.controller.name}
          {j.controller.unverified ? <span className="unverified"> (address partly unconfirmed)</span> : null}
        </dd>
        <dt>Your authority</dt>
        <dd>
          {home ? (
            <RegulatorFacts r={home} />
          ) : j.regionNeeded ? (
            <span className="unverified">Choose the {j.country === 'DE' ? 'Land' : 'state'} where you live to see it.</span>
          ) : (
            'None known for these rights'
          )}
        </dd>
        {lead ? (
          <>
            <dt>Lead authority</dt>
            <dd>
              <RegulatorFacts r={lead} leadFor={leadFor} />
            </dd>
          </>
        ) : null}
        <dt>First step</dt>
        <dd>
          {j.hasGdprRights
            ? `${linkedin ? 'Object with LinkedIn’s Data Processing Objection Form' : `Object to ${j.controller.name}, by its form where ${PLATFORM_LABELS[platform]} has one or else by letter`} (Art 21); if there is no answer within a month, complain to ${home ? 'your authority' : 'the regulator'} (Art 77).`
            : 'Turn the setting off and capture the evidence of when it was on.'}{' '}
          <span className="rule">{j.controllerFirst.rule}</span>
        </dd>
      </dl>
      {/* An authority's language is said beside it above, so its note is not repeated here. */}
      {j.notes.filter((n) => !(home?.expectsOwnLanguage && n.startsWith(`${home.shortName} expects complaints in`))).map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
    </>
  );
}

function RegulatorFacts({ r, leadFor = 'LinkedIn Ireland' }: { r: Regulator; leadFor?: string }) {
  return (
    <div className="regulator" data-authority={r.id}>
      <strong>
        {r.name} ({r.shortName})
      </strong>
      {r.nameEn !== r.name ? <span className="hint"> {r.nameEn}</span> : null}
      {r.role === 'lead' ? <span className="hint"> Lead authority for {leadFor}; you can complain to it directly.</span> : null}
      <span className="rule">{r.address.join(', ')}</span>
      <span className="rule">
        <a href={r.complaintUrl} target="_blank" rel="noopener noreferrer">
          {r.shortName} complaint page
        </a>
        {r.email ? ` · ${r.email}` : ''}
      </span>
      {r.expectsOwnLanguage ? (
        <span className="rule">
          Expects complaints in {languageName(r.complaintLanguage)}. Redress drafts letters in English for now: translate yours before you send it
          there.
        </span>
      ) : null}
      {r.compulsoryForm ? <span className="rule">{r.compulsoryForm.note}</span> : null}
      {r.unverifiedFields.length ? (
        <details className="unverified">
          <summary>{r.unverified}</summary>
          <ul>
            {r.unverifiedFields.map((u) => (
              <li key={u.field + u.note}>{u.note}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** Sets the case's state (German Land, US state) after the fact, through cases.update. */
function RegionControl(props: { caseId: string; country: string; region: string | null; onSaved?: () => void }) {
  const id = useId();
  const [value, setValue] = useState(props.region ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setValue(props.region ?? ''), [props.region]);
  const label = props.country === 'DE' ? 'Land where you live' : 'State where you live';
  const save = async () => {
    setSaving(true);
    setMessage(null);
    try {
      await invoke('cases.update', { id: props.caseId, region: value || null });
      setMessage({ kind: 'ok', text: value ? `Saved: ${regionName(value) ?? value}.` : 'State removed.' });
      props.onSaved?.();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="status-control region-control"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-region`}>{label}</label>
      <div className="row">
        <select id={`${id}-region`} value={value} onChange={(e) => setValue(e.target.value)}>
          <RegionOptions country={props.country} />
        </select>
        <button type="submit" disabled={saving || value === (props.region ?? '')}>
          {saving ? 'Saving…' : 'Save state'}
        </button>
      </div>
      <p role="status" className={message?.kind === 'error' ? 'error' : 'ok'}>
        {message?.text}
      </p>
    </form>
  );
}
