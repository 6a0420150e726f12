import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../electron/core/api/errors';
import { ApiRegistry } from '../../electron/core/api/registry';
import { contract } from '../../electron/core/contract';
import { tempCore } from '../support/tmp';

describe('api registry', () => {
  it('throws on a duplicate name', () => {
    const api = new ApiRegistry(contract);
    api.register('cases.list', () => []);
    expect(() => api.register('cases.list', () => [])).toThrow(/registered twice/);
  });

  it('refuses a name that has no schema in the contract', () => {
    const api = new ApiRegistry(contract);
    expect(() => api.register('cases.nope' as 'cases.list', () => [])).toThrow(/no schema/);
  });

  it('returns typed errors, never throws from invoke', async () => {
    const api = new ApiRegistry({ ...contract, 'test.boom': z.object({}) } as unknown as typeof contract);
    api.register('test.boom' as 'cases.list', () => {
      throw new Error('disk on fire');
    });
    // English for the command line, the key and parameters for the renderer to word in the member's language.
    expect(await api.invoke('no.such', {})).toEqual({
      ok: false,
      error: { code: 'unknown_api', message: 'Unknown API "no.such".', key: 'errors.unknownApi', params: { name: 'no.such' } },
    });
    expect(await api.invoke('test.boom', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected error: disk on fire', key: 'errors.unexpected', params: { message: 'disk on fire' } },
    });
    await expect(api.call('no.such', {})).rejects.toBeInstanceOf(ApiError);
  });

  it('validates with the contract schema and reports every field to fix', async () => {
    const core = tempCore();
    const res = await core.api.invoke('cases.create', { title: '', country: 'ZZ', name: 'x'.repeat(10_000), email: 'nope' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.issues?.map((i) => i.path).sort()).toEqual(['country', 'email', 'name', 'title']);
    expect(res.error.message).toMatch(/Name must be at most 200 characters/);
    expect(await core.api.call('cases.list', {})).toEqual([]);
  });

  it('a missing case is not_found', async () => {
    const core = tempCore();
    expect(await core.api.invoke('cases.get', { id: 'case_missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'No case with id "case_missing".' },
    });
  });
});
