import { writeTx } from '../db/tx';
import type { ApiRegistry } from '../api/registry';
import { notFound } from '../api/errors';
import type { Case } from '../contract';
import type { CoreContext } from '../context';
import { newId } from '../util/ids';
import { isoNow } from '../util/clock';
import { getCase, insertCase, listCases, updateStatus } from './repo';

export function requireCase(ctx: CoreContext, id: string): Case {
  const found = getCase(ctx.db, id);
  if (!found) throw notFound('case', id);
  return found;
}

export function registerCases(api: ApiRegistry, ctx: CoreContext): void {
  api.register('cases.create', (input) => {
    const now = isoNow(ctx.clock);
    const c: Case = { id: newId('case'), ...input, status: 'draft', statusReason: null, createdAt: now, updatedAt: now };
    writeTx(ctx.db, () => insertCase(ctx.db, c));
    // Read back, so every API returns a case in one shape whatever columns later features add.
    return requireCase(ctx, c.id);
  });
  api.register('cases.list', (input) => listCases(ctx.db, input.status));
  api.register('cases.get', ({ id }) => requireCase(ctx, id));
  api.register('cases.setStatus', ({ id, status, reason }) => {
    return writeTx(ctx.db, () => {
      requireCase(ctx, id);
      updateStatus(ctx.db, id, status, reason || null, isoNow(ctx.clock));
      return requireCase(ctx, id);
    });
  });
}
