import { randomBytes } from 'node:crypto';

/** Short, time-sortable ids, easy to type on the command line: `<prefix>_<time base36><8 hex>`. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${randomBytes(4).toString('hex')}`;
}
