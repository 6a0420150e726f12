import { PlatformGetInput, PlatformsListInput, type Platform } from './platforms';

export const platformsContract = {
  'platforms.list': PlatformsListInput,
  'platforms.get': PlatformGetInput,
} as const;

export interface PlatformsOutputs {
  'platforms.list': Platform[];
  'platforms.get': Platform;
}
