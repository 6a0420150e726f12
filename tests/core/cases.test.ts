import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { fixedClock, tempCore, tempDir } from '../support/tmp';

const maria = { title: 'Objection', country: 'de', name: 'Maria Müller', email: ' maria@example.org ' };

describe('cases', () => {
  it('creates with normalised input, lists newest first, filters by status', async () => {
    const core = tempCore({ clock: fixedClock('2026-04-30T09:00:00Z') });
    const a = await core.api.call('cases.create', maria);
    expect(a).toMatchObject({ country: 'DE', email: 'maria@example.org', platform: 'linkedin', status: 'draft' });
    expect(a.createdAt).toBe('2026-04-30T09:00:00.000Z');
    const b = await core.api.call('cases.create', { ...maria, title: 'Second', name: 'Γιώργος Παπαδόπουλος' });
    expect((await core.api.call('cases.list', {})).map((c) => c.id)).toEqual([b.id, a.id]);
    await core.api.call('cases.setStatus', { id: a.id, status: 'request_sent', reason: 'Sent by web form' });
    expect((await core.api.call('cases.list', { status: 'request_sent' })).map((c) => c.id)).toEqual([a.id]);
    expect(await core.api.call('cases.get', { id: a.id })).toMatchObject({ status: 'request_sent', statusReason: 'Sent by web form' });
  });

  it('refuses control characters, unknown statuses and platforms', async () => {
    const core = tempCore();
    expect((await core.api.invoke('cases.create', { ...maria, name: 'Maria\u0007' })).ok).toBe(false);
    expect((await core.api.invoke('cases.create', { ...maria, platform: 'myspace' })).ok).toBe(false);
    const c = await core.api.call('cases.create', maria);
    expect(await core.api.invoke('cases.setStatus', { id: c.id, status: 'won' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('survives a restart on the same data folder', async () => {
    const dir = tempDir();
    const first = createCore({ dataDir: dir, host: 'cli' });
    const c = await first.api.call('cases.create', maria);
    await first.api.call('cases.setStatus', { id: c.id, status: 'awaiting_response' });
    first.close();
    const second = createCore({ dataDir: dir, host: 'cli' });
    expect(await second.api.call('cases.get', { id: c.id })).toMatchObject({ name: 'Maria Müller', status: 'awaiting_response' });
    second.close();
  });
});
