import { writeTx } from '../db/tx';
import type { ApiRegistry } from '../api/registry';
import { notFound } from '../api/errors';
import type { Case } from '../contract';
import type { CoreContext } from '../context';
import { newId } from '../util/ids';
import { isoNow } from '../util/clock';
import { getCase, insertCase, listCases, updateCase, updateStatus } from './repo';
import { invalid } from '../api/errors';
import { regionProblem } from '../contract/regions';

export function requireCase(ctx: CoreContext, id: string): Case {
  const found = getCase(ctx.db, id);
  if (!found) throw notFound('case', id);
  return found;
}

export function registerCases(api: ApiRegistry, ctx: CoreContext): void {
  api.register('cases.create', (input) => {
    const now = isoNow(ctx.clock);
    const c: Case = { id: newId('case'), ...input, region: input.region ?? null, givenName: input.givenName ?? null, familyName: input.familyName ?? null, status: 'draft', statusReason: null, createdAt: now, updatedAt: now };
    writeTx(ctx.db, () => insertCase(ctx.db, c));
    // Read back, so every API returns a case in one shape whatever columns later features add.
    return requireCase(ctx, c.id);
  });
  api.register('cases.update', ({ id, ...fields }) =>
    writeTx(ctx.db, () => {
      const c = requireCase(ctx, id);
      const problem = fields.region ? regionProblem(c.country, fields.region) : null;
      if (problem) throw invalid(problem);
      updateCase(ctx.db, id, fields, isoNow(ctx.clock));
      return requireCase(ctx, id);
    }),
  );
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
