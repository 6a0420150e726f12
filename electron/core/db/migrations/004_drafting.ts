import type { Migration } from './index';

// Owned by the drafting work: its tables go here (STRICT, with indexes), plus a test that migrates forward.
export const m004Drafting: Migration = {
  version: 4,
  name: 'drafting',
  up() {},
};
