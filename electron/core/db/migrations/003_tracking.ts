import type { Migration } from './index';

// Owned by the tracking work: its tables go here (STRICT, with indexes), plus a test that migrates forward.
export const m003Tracking: Migration = {
  version: 3,
  name: 'tracking',
  up() {},
};
