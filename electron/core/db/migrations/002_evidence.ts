import type { Migration } from './index';

// Owned by the evidence work: its tables go here (STRICT, with indexes), plus a test that migrates forward.
export const m002Evidence: Migration = {
  version: 2,
  name: 'evidence',
  up() {},
};
