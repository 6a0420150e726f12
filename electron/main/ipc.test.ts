import { describe, expect, it } from 'vitest';
import { tempCore } from '../../tests/support/tmp';
import { createInvokeHandler } from './ipc';

describe('IPC handler', () => {
  const input = { title: 'T', country: 'IE', name: 'Siobhán Ní Bhriain', email: 's@example.org' };

  it('routes a call from the app page through the same schema', async () => {
    const core = tempCore();
    const handle = createInvokeHandler(core);
    const ok = await handle({ senderFrame: { url: 'app://redress/index.html' } }, 'cases.create', input);
    expect(ok).toMatchObject({ ok: true, value: { name: 'Siobhán Ní Bhriain', country: 'IE' } });
    const bad = await handle({ senderFrame: { url: 'app://redress/index.html' } }, 'cases.create', { ...input, email: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await handle({ senderFrame: { url: 'app://redress/index.html' } }, 'cases.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_api' } });
  });

  it('refuses calls from any other frame, and writes nothing', async () => {
    const core = tempCore();
    const handle = createInvokeHandler(core);
    for (const senderFrame of [{ url: 'https://www.linkedin.com/' }, { url: 'file:///index.html' }, null]) {
      const res = await handle({ senderFrame }, 'cases.create', input);
      expect(res).toMatchObject({ ok: false, error: { message: expect.stringMatching(/did not come from the Redress window/) } });
    }
    expect(await core.api.call('cases.list', {})).toEqual([]);
  });
});
