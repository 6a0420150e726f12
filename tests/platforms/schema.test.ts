// The platforms as reviewed data: every file in data/platforms/ loads through the schema, every fact in it says where
// it was read and when (and, where it was not confirmed on the platform's own page, why), every controller names a
// lead authority that exists in data/authorities/, and every policy document to watch has an https address and CSS
// selectors a browser can parse. LinkedIn's facts agree with what the app already uses.
import { JSDOM } from 'jsdom';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAuthorities } from '../../electron/core/authorities';
import { LINKEDIN_CORPORATION, LINKEDIN_IRELAND, PLATFORM_REGIONS, PlatformFile, platformFacts } from '../../electron/core/contract';
import { loadPlatforms } from '../../electron/core/platforms';

const DATA = resolve(import.meta.dirname, '..', '..', 'data');
const FOLDER = join(DATA, 'platforms');
const TODAY = new Date().toISOString().slice(0, 10);
const REQUIRED = ['linkedin', 'facebook', 'instagram', 'whatsapp', 'x', 'reddit', 'quora', 'pinterest', 'google', 'microsoft'];

const raw = readdirSync(FOLDER)
  .filter((n) => n.endsWith('.json'))
  .sort()
  .map((n) => ({ name: n, json: JSON.parse(readFileSync(join(FOLDER, n), 'utf8')) as unknown }));
const authorityIds = new Set(loadAuthorities(DATA).map((a) => a.id));
const all = loadPlatforms(DATA, authorityIds);
const byId = new Map(all.map((p) => [p.id, p]));
const files = raw.map((r) => [r.name, r.json] as const);

describe('data/platforms', () => {
  it('holds at least the ten platforms of issue 11, and every file loads through the loader', () => {
    expect(all.map((p) => p.id)).toEqual(expect.arrayContaining(REQUIRED));
    expect(all).toHaveLength(raw.length);
  });

  it.each(files)('%s passes the schema and its id is its file name', (name, json) => {
    const parsed = PlatformFile.safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    expect(`${(json as { id: string }).id}.json`).toBe(name);
  });

  it.each(files)('%s: every fact has an https source and a check date; an unconfirmed one says why', (_name, json) => {
    const facts = platformFacts(json);
    expect(facts.length).toBeGreaterThan(8);
    for (const { path, fact } of facts) {
      expect(String(fact.source), path).toMatch(/^https:\/\/[^\s]+$/);
      expect(() => new URL(String(fact.source)), path).not.toThrow();
      // A day (the fact was read then) or a month (taken from notes of that month), never in the future.
      expect(String(fact.checked), path).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(String(fact.checked) <= TODAY, `${path} checked in the future`).toBe(true);
      // Taken from notes rather than read on a given day: it must say it is unconfirmed, and why.
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(fact.checked))) expect(typeof fact.unverified, `${path} was not read on a given day, so it must say why`).toBe('string');
      if (fact.unverified !== undefined) expect(String(fact.unverified).length, path).toBeGreaterThan(10);
      for (const u of (fact.seeAlso as string[] | undefined) ?? []) expect(u, path).toMatch(/^https:\/\//);
    }
  });

  it.each(files)('%s: a controller for each region (eu, uk, other), each lead authority in data/authorities', (_name, json) => {
    const p = PlatformFile.parse(json);
    expect(Object.keys(p.controllers).sort()).toEqual([...PLATFORM_REGIONS].sort());
    for (const r of PLATFORM_REGIONS) {
      const c = p.controllers[r];
      expect(c.name.length, r).toBeGreaterThan(2);
      expect(c.address.length, r).toBeGreaterThanOrEqual(2);
      if (c.leadAuthority !== null) expect(authorityIds.has(c.leadAuthority), `${r}: ${c.leadAuthority}`).toBe(true);
    }
    // Members in the EU/EEA deal with a European establishment or none; other regions have no GDPR lead authority.
    expect(p.controllers.other.leadAuthority).toBeNull();
    expect([null, 'ico']).toContain(p.controllers.uk.leadAuthority);
  });

  it.each(files)('%s: each setting has a switch with labels, or says why there is none; the objection route is a form or a letter', (_name, json) => {
    const p = PlatformFile.parse(json);
    for (const s of p.settings) {
      if (s.switch) {
        expect(Object.keys(s.switch.labels).length).toBeGreaterThan(0);
        for (const [lang, l] of Object.entries(s.switch.labels)) {
          expect(p.languages, `${s.id}: ${lang} is listed in languages`).toContain(lang);
          // Specific labels only: a single word such as "AI" would match unrelated controls.
          for (const label of l.labels) expect(label.length, `${s.id}.${lang}: "${label}"`).toBeGreaterThanOrEqual(10);
        }
      } else expect(s.why?.length).toBeGreaterThan(10);
    }
    if (p.objection.kind === 'form') expect(p.objection.url).toMatch(/^https:\/\//);
    else expect(p.objection.why.length).toBeGreaterThan(10);
  });

  it.each(files)('%s: policy documents have https addresses and selectors a DOM can parse', (_name, json) => {
    const p = PlatformFile.parse(json);
    const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
    const ids = new Set<string>();
    for (const d of p.policies) {
      expect(new URL(d.url).protocol, d.id).toBe('https:');
      expect(ids.has(d.id), d.id).toBe(false);
      ids.add(d.id);
      for (const sel of [...d.select, ...d.remove]) expect(() => document.querySelector(sel), `${d.id}: ${sel}`).not.toThrow();
    }
    // And a malformed selector is caught by the same check.
    expect(() => document.querySelector('main >> [')).toThrow();
  });

  it('LinkedIn agrees with the app: controllers as in the jurisdiction rules, the form of the objection template, the capture’s switch labels', () => {
    const li = byId.get('linkedin')!;
    expect(li.controllers.eu).toMatchObject({ name: LINKEDIN_IRELAND.name, address: LINKEDIN_IRELAND.address, leadAuthority: 'dpc' });
    expect(li.controllers.uk).toMatchObject({ name: LINKEDIN_CORPORATION.name, address: LINKEDIN_CORPORATION.address, leadAuthority: 'ico' });
    expect(li.controllers.other).toMatchObject({ name: LINKEDIN_CORPORATION.name, address: LINKEDIN_CORPORATION.address });
    expect(li.controllers.uk.unverified).toMatch(/94085/);
    const manifest = JSON.parse(readFileSync(resolve(DATA, '..', 'templates', 'objection', 'manifest.json'), 'utf8'));
    expect(li.objection.kind).toBe('form');
    if (li.objection.kind === 'form') expect(li.objection.url).toBe(manifest.formUrl);
    const labels = JSON.parse(readFileSync(join(DATA, 'switch-labels.json'), 'utf8')).languages as Record<string, { labels: string[]; status?: string }>;
    const setting = li.settings.find((s) => s.id === 'data-for-ai-improvement')!;
    expect(setting.url).toBe('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
    expect(Object.fromEntries(Object.entries(setting.switch!.labels).map(([k, v]) => [k, v.labels]))).toEqual(
      Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v.labels])),
    );
    for (const [lang, v] of Object.entries(labels)) expect(Boolean(setting.switch!.labels[lang].unverified), lang).toBe(v.status === 'UNVERIFIED');
    expect(li.dates.map((d) => d.date)).toContain('2025-11-03');
  });
});
