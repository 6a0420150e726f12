import { describe, expect, it } from 'vitest';
import { tempCore } from '../support/tmp';

const base = { title: 'AI training', country: 'DE', region: 'DE-BE', name: 'Maria Schmidt', email: 'maria@example.org' };

describe('cases.update', () => {
  it('changes the country, drops a region that no longer fits, and logs before and after in the custody chain', async () => {
    const core = tempCore();
    const c = await core.api.call('cases.create', base);
    const after = await core.api.call('cases.update', { id: c.id, country: 'ie', title: 'Moved to Dublin' });
    expect(after).toMatchObject({ country: 'IE', region: null, title: 'Moved to Dublin', platform: 'linkedin' });
    const log = await core.api.call('evidence.custody', { caseId: c.id });
    expect(log.ok).toBe(true);
    const edit = log.entries.find((e) => e.action === 'case.edit');
    expect(edit?.detail).toEqual({
      before: { title: 'AI training', country: 'DE', region: 'DE-BE' },
      after: { title: 'Moved to Dublin', country: 'IE', region: null },
    });
    // The dashboard's mirror follows the new country.
    const listed = await core.api.call('cases.list', {});
    expect(listed[0].country).toBe('IE');
  });

  it('refuses a country that needs a region when none is given, and changes nothing', async () => {
    const core = tempCore();
    const c = await core.api.call('cases.create', { ...base, country: 'GB', region: undefined });
    await expect(core.api.call('cases.update', { id: c.id, country: 'US' })).rejects.toThrow(/US needs a region.*US-CA/);
    await expect(core.api.call('cases.update', { id: c.id, country: 'US', region: 'DE-BE' })).rejects.toThrow(/not in the case's country \(US\)/);
    expect((await core.api.call('cases.get', { id: c.id })).country).toBe('GB');
    const ok = await core.api.call('cases.update', { id: c.id, country: 'US', region: 'us-ca', platform: 'linkedin' });
    expect(ok).toMatchObject({ country: 'US', region: 'US-CA' });
    const log = await core.api.call('evidence.custody', { caseId: c.id });
    expect(log.entries.filter((e) => e.action === 'case.edit')).toHaveLength(1);
  });

  it('an empty region means none', async () => {
    const core = tempCore();
    const c = await core.api.call('cases.create', base);
    expect(await core.api.call('cases.update', { id: c.id, region: '' })).toMatchObject({ region: null });
  });

  it('an edit that changes nothing writes no custody entry', async () => {
    const core = tempCore();
    const c = await core.api.call('cases.create', base);
    await core.api.call('cases.update', { id: c.id, title: 'AI training', region: 'DE-BE' });
    const log = await core.api.call('evidence.custody', { caseId: c.id });
    expect(log.entries.filter((e) => e.action === 'case.edit')).toHaveLength(0);
  });
});
