import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTHORITY_NOTE_KEYS, LANGUAGES, needsRegion, PLATFORM_LABELS, PLATFORMS, regionName, type Jurisdiction, type Regulator } from '../../../electron/core/contract';
import { invoke } from '../api';
import { countryName } from '../ui/countries';
import { errorText, msgText } from '../ui/errors';
import { languageLabel } from './labels';
import './jurisdiction.css';
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
  const { t } = useTranslation('cases');
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const region = props.region || null;
  const platform = (PLATFORMS as readonly string[]).includes(props.platform ?? '') ? (props.platform as (typeof PLATFORMS)[number]) : 'linkedin';
  const { data: j, error } = useAsync(() => invoke('jurisdiction.get', { country: props.country, region, platform }), [props.country, region, platform]);
  const place = region ? t('details.place', { country: countryName(props.country), region: regionName(region) ?? region }) : countryName(props.country);
  return (
    <aside className="callout jurisdiction" aria-label={t('jurisdiction.label')} aria-busy={!j && !error}>
      <Heading>{t('jurisdiction.title', { place })}</Heading>
      {error ? (
        <p role="alert" className="error">
          {t('jurisdiction.error', { error })}
        </p>
      ) : !j ? (
        <p className="hint">{t('jurisdiction.loading')}</p>
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
  const { t } = useTranslation('cases');
  const home = j.regulators.find((r) => r.role === 'home');
  const lead = j.regulators.find((r) => r.role === 'lead');
  const linkedin = platform === 'linkedin';
  const leadFor = linkedin ? 'LinkedIn Ireland' : j.controller.name;
  return (
    <>
      <dl>
        <dt>{t('jurisdiction.law')}</dt>
        <dd>{msgText(j.lawMsg, j.law)}</dd>
        <dt>{t('jurisdiction.controller')}</dt>
        <dd>
          {/* A controller's name is data; Redress's own placeholder for an unknown one is worded. */}
          {j.controller.nameMsg ? <span>{msgText(j.controller.nameMsg, j.controller.name)}</span> : <span translate="no">{j.controller.name}</span>}
          {j.controller.unverified ? <span className="unverified"> {t('jurisdiction.unconfirmed')}</span> : null}
        </dd>
        <dt>{t('jurisdiction.yourAuthority')}</dt>
        <dd>
          {home ? (
            <RegulatorFacts r={home} />
          ) : j.regionNeeded ? (
            <span className="unverified">{j.country === 'DE' ? t('jurisdiction.chooseLand') : t('jurisdiction.chooseState')}</span>
          ) : (
            t('jurisdiction.noneKnown')
          )}
        </dd>
        {lead ? (
          <>
            <dt>{t('jurisdiction.lead')}</dt>
            <dd>
              <RegulatorFacts r={lead} leadFor={leadFor} />
            </dd>
          </>
        ) : null}
        <dt>{t('jurisdiction.firstStep')}</dt>
        <dd>
          {j.hasGdprRights
            ? t(linkedin ? (home ? 'jurisdiction.firstLinkedInHome' : 'jurisdiction.firstLinkedInRegulator') : home ? 'jurisdiction.firstOtherHome' : 'jurisdiction.firstOtherRegulator', {
                controller: j.controller.name,
                platform: PLATFORM_LABELS[platform],
              })
            : t('jurisdiction.firstNoRights')}{' '}
          <span className="rule">{msgText(j.controllerFirst.ruleMsg, j.controllerFirst.rule)}</span>
        </dd>
      </dl>
      {/* An authority's language and compulsory form are said beside it above, so their notes are not repeated here. */}
      {j.notes.map((n, i) =>
        home && j.notesMsg?.[i] && AUTHORITY_NOTE_KEYS.includes(j.notesMsg[i].key) ? null : (
          <p key={n} className="hint">
            {msgText(j.notesMsg?.[i], n)}
          </p>
        ),
      )}
    </>
  );
}

function RegulatorFacts({ r, leadFor = 'LinkedIn Ireland' }: { r: Regulator; leadFor?: string }) {
  const { t } = useTranslation('cases');
  return (
    <div className="regulator" data-authority={r.id}>
      <strong translate="no">
        {r.name} ({r.shortName})
      </strong>
      {r.nameEn !== r.name ? (
        <span className="hint" translate="no">
          {' '}
          {r.nameEn}
        </span>
      ) : null}
      {r.role === 'lead' ? <span className="hint"> {t('jurisdiction.leadFor', { controller: leadFor })}</span> : null}
      <span className="rule" translate="no">
        {r.address.join(', ')}
      </span>
      <span className="rule">
        <a href={r.complaintUrl} target="_blank" rel="noopener noreferrer">
          {t('jurisdiction.complaintPage', { name: r.shortName })}
        </a>
        {r.email ? <span translate="no">{` · ${r.email}`}</span> : null}
      </span>
      {r.expectsOwnLanguage ? (
        <span className="rule">
          {t((LANGUAGES as readonly string[]).includes(r.complaintLanguage) ? 'jurisdiction.expectsLanguage' : 'jurisdiction.expectsLanguageTranslate', {
            language: languageLabel(r.complaintLanguage),
          })}
        </span>
      ) : null}
      {r.compulsoryForm ? (
        <span className="rule">
          {msgText(r.compulsoryForm.summaryMsg, r.compulsoryForm.summary)}{' '}
          {/* The authority's own note is data, kept in English. */}
          <span translate="no" lang="en">
            {r.compulsoryForm.note}
          </span>
        </span>
      ) : null}
      {r.unverifiedFields.length ? (
        <details className="unverified">
          <summary>{msgText(r.unverifiedMsg, r.unverified ?? '')}</summary>
          {/* Each note names the source tried: data, kept in English. */}
          <ul translate="no" lang="en">
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
  const { t } = useTranslation('cases');
  const id = useId();
  const [value, setValue] = useState(props.region ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setValue(props.region ?? ''), [props.region]);
  const label = props.country === 'DE' ? t('jurisdiction.regionLabelDE') : t('jurisdiction.regionLabel');
  const save = async () => {
    setSaving(true);
    setMessage(null);
    try {
      await invoke('cases.update', { id: props.caseId, region: value || null });
      setMessage({ kind: 'ok', text: value ? t('jurisdiction.regionSaved', { region: regionName(value) ?? value }) : t('jurisdiction.regionRemoved') });
      props.onSaved?.();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
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
          {saving ? t('jurisdiction.saving') : t('jurisdiction.saveRegion')}
        </button>
      </div>
      <p role="status" className={message?.kind === 'error' ? 'error' : 'ok'}>
        {message?.text}
      </p>
    </form>
  );
}
