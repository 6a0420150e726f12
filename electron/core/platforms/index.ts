// The platforms as data: load + validate data/platforms/, and answer which controller serves whom and how each
// platform names its AI-training switch. Plain Node (no electron import).
import { notFound } from '../api/errors';
import { authoritiesInUse } from '../authorities';
import {
  controllerFor as controllerOf,
  switchLabelsOf,
  toPlatform,
  type Platform,
  type PlatformController,
  type PlatformFile,
} from '../contract/platforms';
import { factsDir } from '../util/facts-dir';
import { loadPlatforms } from './load';

export { clearPlatformsCache, loadPlatforms, PLATFORMS_DIR } from './load';
export { platformRegionOf } from '../contract/platforms';

/** The platform files of this process, each lead authority checked against the authorities in use. */
export function platformsInUse(dir: string = factsDir()): readonly PlatformFile[] {
  return loadPlatforms(dir, new Set(authoritiesInUse(dir).map((a) => a.id)));
}

/** Every platform, sorted by id, with its unconfirmed facts listed. */
export function listPlatforms(all: readonly PlatformFile[] = platformsInUse()): Platform[] {
  return all.map(toPlatform);
}

/** One platform by id; not_found when there is none. */
export function getPlatform(id: string, all: readonly PlatformFile[] = platformsInUse()): Platform {
  const p = all.find((x) => x.id === id.trim().toLowerCase());
  if (!p) throw notFound('platform', id);
  return toPlatform(p);
}

/** The controller a member of `country` (ISO 3166-1) deals with: EU/EEA and CH -> eu, GB -> uk, else other. */
export function controllerFor(platform: PlatformFile | string, country: string, all?: readonly PlatformFile[]): PlatformController {
  const p = typeof platform === 'string' ? getPlatform(platform, all) : platform;
  return controllerOf(p, country);
}

/**
 * The texts that name a platform's AI-training switch, per language (`{ en: [...], de: [...] }`): the shape the
 * capture's toggle detection takes (`capturePage(..., { labels })`). Empty where the platform has no switch.
 */
export function switchLabels(platform: PlatformFile | string, all?: readonly PlatformFile[]): Record<string, string[]> {
  return switchLabelsOf(typeof platform === 'string' ? getPlatform(platform, all) : platform);
}
