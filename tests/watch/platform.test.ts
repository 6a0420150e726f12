import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/core/api/errors';
import type { WatchPlatformAdded } from '../../electron/core/contract/watch';
import { tempCore, tempDir } from '../support/tmp';
import { factsCopy } from './support';

const saved = process.env.REDRESS_FACTS_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.REDRESS_FACTS_DIR;
  else process.env.REDRESS_FACTS_DIR = saved;
});

describe('watch.add {platform}', () => {
  it("adds every policy document the platform's file declares, with its selectors, name and platform; a second add is refused", async () => {
    const base = 'https://127.0.0.1:9/legal';
    process.env.REDRESS_FACTS_DIR = factsCopy(tempDir(), 'linkedin', base);
    const core = tempCore();
    const r = (await core.api.call('watch.add', { platform: ' LinkedIn ', every: '6h' })) as WatchPlatformAdded;
    expect(r.platform).toBe('linkedin');
    expect(r.platformName).toBe('LinkedIn');
    expect(r.skipped).toEqual([]);
    expect(r.added.map((d) => [d.url, d.name, d.platformId, d.every])).toEqual([
      [`${base}/privacy-policy`, 'LinkedIn Privacy Policy', 'linkedin', 21600],
      [`${base}/eu-privacy-notice`, 'LinkedIn European Regional Privacy Notice', 'linkedin', 21600],
      [`${base}/user-agreement`, 'LinkedIn User Agreement', 'linkedin', 21600],
    ]);
    expect(r.added[0].select).toContain('main');
    expect(r.added[0].remove).toContain('nav');
    expect(await core.api.call('watch.list', {})).toHaveLength(3);

    const again = await core.api.call('watch.add', { platform: 'linkedin' }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect((again as ApiError).code).toBe('conflict');
    expect((again as ApiError).message).toMatch(/Every policy document of LinkedIn is already watched \(wd_\w+, wd_\w+, wd_\w+\); nothing was added\./);

    // One removed: the next add puts back only that one and says which were already there.
    await core.api.call('watch.remove', { id: r.added[1].id });
    const back = (await core.api.call('watch.add', { platform: 'linkedin' })) as WatchPlatformAdded;
    expect(back.added.map((d) => d.name)).toEqual(['LinkedIn European Regional Privacy Notice']);
    expect(back.skipped.map((d) => d.id)).toEqual([r.added[0].id, r.added[2].id]);
  });

  it('an unknown platform is an error that lists the known ones; a URL and a platform together, or selectors with a platform, are refused', async () => {
    const core = tempCore();
    const err = await core.api.call('watch.add', { platform: 'myspace' }).catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('not_found');
    expect((err as ApiError).message).toMatch(/^No platform "myspace"\. Known platforms: facebook, google, instagram, linkedin, .*\bx\b.*\.$/);
    await expect(core.api.call('watch.add', { platform: 'linkedin', url: 'https://example.org/p' })).rejects.toThrow(/either a URL or a platform, not both/);
    await expect(core.api.call('watch.add', { platform: 'linkedin', select: ['main'] })).rejects.toThrow(/come with their own selectors/);
    await expect(core.api.call('watch.add', {})).rejects.toThrow(/Give the URL of a page to watch, or a platform/);
    expect(await core.api.call('watch.list', {})).toEqual([]);
  });
});
