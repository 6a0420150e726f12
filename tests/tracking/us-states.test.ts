// The US state law data file: every entry is sourced and dated, its regions are real, doubts are spelled out, and a
// malformed copy fails with a message naming the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { regionProblem } from '../../electron/core/contract/regions';
import { US_STATE_LAWS_FILE, usStateLaw, usStateLaws } from '../../electron/core/tracking/us-states';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('data/us-state-privacy-laws.json', () => {
  const laws = usStateLaws();

  it('every state has a citation, a source, a check date and a status; an UNVERIFIED one says what is in doubt', () => {
    expect(Object.keys(laws.states).length).toBeGreaterThanOrEqual(19);
    for (const [region, s] of Object.entries(laws.states)) {
      expect(regionProblem('US', region), region).toBeNull();
      expect(s.citation.length, region).toBeGreaterThan(5);
      expect(s.source, region).toMatch(/https?:\/\//);
      expect(s.checked, region).toMatch(/^2026-\d{2}-\d{2}$/);
      if (s.status === 'UNVERIFIED') expect(s.unverified, region).toBeTruthy();
      expect(s.responseDays, region).toBeGreaterThanOrEqual(45);
    }
  });

  it('California is the CCPA: 45 days and once 45 more, sourced to Cal. Civ. Code § 1798.130(a)(2)', () => {
    expect(usStateLaw('US-CA')).toMatchObject({ shortName: 'CCPA', responseDays: 45, extensionDays: 45, inForce: '2020-01-01' });
    expect(usStateLaw('US-CA')!.citation).toMatch(/1798\.130\(a\)\(2\)/);
    expect(usStateLaw('US-WY')).toBeNull();
    expect(usStateLaw(null)).toBeNull();
  });

  it('a malformed copy fails with a message naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-facts-'));
    dirs.push(dir);
    writeFileSync(join(dir, US_STATE_LAWS_FILE), JSON.stringify({ ...laws, states: { 'US-CA': { name: 'California' } } }));
    expect(() => usStateLaws(dir)).toThrow(new RegExp(`${US_STATE_LAWS_FILE} is malformed: states\\.US-CA\\.law`));
  });
});
