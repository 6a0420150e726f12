import { writeTx } from '../db/tx';
import type { ApiRegistry } from '../api/registry';
import { notFound } from '../api/errors';
import type { Case } from '../contract';
import type { CoreContext } from '../context';
import { newId } from '../util/ids';
import { isoNow } from '../util/clock';
import { getCase, insertCase, listCases, updateCase, updateStatus, type CaseEditable } from './repo';
import { appendCustody } from '../evidence/custody';
import { deleteCase, sweepExportTrash } from './delete';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../util/atomic-write';
import { basename, resolve } from 'node:path';
import { buildBundle, importBundle } from '../bundle/bundle';
import { apiError } from '../api/errors';
import { needsRegion, regionName, regionProblem, regionProblemMsg } from '../contract/regions';

export function requireCase(ctx: CoreContext, id: string): Case {
  const found = getCase(ctx.db, id);
  if (!found) throw notFound('case', id);
  return found;
}

export function registerCases(api: ApiRegistry, ctx: CoreContext): void {
  // A delete cut off between its commit and emptying its trash (or before its commit) leaves export files under trash
  // names: put each back or remove it, by what the database says.
  sweepExportTrash(ctx.db, ctx.dataDir);
  api.register('cases.create', (input) => {
    const now = isoNow(ctx.clock);
    const c: Case = { id: newId('case'), ...input, region: input.region ?? null, givenName: input.givenName ?? null, familyName: input.familyName ?? null, status: 'draft', statusReason: null, createdAt: now, updatedAt: now };
    writeTx(ctx.db, () => insertCase(ctx.db, c));
    // Read back, so every API returns a case in one shape whatever columns later features add.
    return requireCase(ctx, c.id);
  });
  api.register('cases.update', ({ id, ...input }) =>
    writeTx(ctx.db, () => {
      const c = requireCase(ctx, id);
      const fields = editFields(c, input);
      const keys = (Object.keys(fields) as (keyof CaseEditable)[]).filter((k) => fields[k] !== undefined && fields[k] !== c[k]);
      if (!keys.length) return c;
      const changed = Object.fromEntries(keys.map((k) => [k, fields[k]])) as Partial<CaseEditable>;
      updateCase(ctx.db, id, changed, isoNow(ctx.clock));
      appendCustody(ctx, id, 'case.edit', {
        before: Object.fromEntries(keys.map((k) => [k, c[k]])),
        after: changed,
      });
      return requireCase(ctx, id);
    }),
  );
  api.register('cases.delete', ({ id }) => deleteCase(ctx, id));
  api.register('cases.exportBundle', ({ id, out }) => {
    if (out !== undefined && ctx.app.host !== 'cli') throw apiError('invalid_input', 'errors.cases.bundleOutCliOnly');
    const { zip, summary, filename } = buildBundle(ctx, id);
    const sha256 = createHash('sha256').update(zip).digest('hex');
    const base = { filename, size: zip.length, sha256, ...summary };
    if (out === undefined) return { ...base, dataBase64: Buffer.from(zip).toString('base64') };
    const path = resolve(out);
    // The CLI's `--out`: a half-written zip never sits under its name.
    try {
      writeFileAtomic(path, zip);
    } catch (err) {
      throw apiError('invalid_input', 'errors.cases.cannotWrite', { path, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
    }
    return { ...base, path };
  });
  api.register('cases.importBundle', async ({ dataBase64, path, source }) => {
    let bytes: Uint8Array;
    if (path !== undefined) {
      if (ctx.app.host !== 'cli') throw apiError('invalid_input', 'errors.cases.bundleInCliOnly');
      try {
        bytes = new Uint8Array(readFileSync(path));
      } catch {
        throw apiError('invalid_input', 'errors.cases.cannotReadBundle', { path });
      }
    } else bytes = new Uint8Array(Buffer.from(dataBase64 ?? '', 'base64'));
    const r = await importBundle(ctx, bytes, source ?? (path !== undefined ? basename(path) : 'an uploaded bundle'));
    return { ...r, case: requireCase(ctx, r.case.id) };
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

/**
 * The fields an edit sets, with the region settled against the case's (new) country: a region given is checked
 * against it; a country change drops a region that no longer fits, and refuses when the new country needs one
 * (Germany's Land, a US state) that was not given.
 */
function editFields(c: Case, input: Partial<Omit<CaseEditable, 'region'>> & { region?: string | null }): Partial<CaseEditable> {
  // An empty region (a cleared select) means none.
  if (input.region === '') input = { ...input, region: null };
  const out: Partial<CaseEditable> = { ...input } as Partial<CaseEditable>;
  const country = input.country ?? c.country;
  if (input.region) {
    const problem = regionProblemMsg(country, input.region);
    if (problem) throw apiError('invalid_input', problem.key, problem.params);
    return out;
  }
  if (input.region === undefined && country !== c.country) {
    const kept = c.region && !regionProblem(country, c.region) ? c.region : null;
    if (!kept && needsRegion(country)) {
      const example = `${country}-${country === 'DE' ? 'BE' : 'CA'}`;
      throw apiError('invalid_input', country === 'DE' ? 'errors.cases.needsRegion_land' : 'errors.cases.needsRegion_state', { country, example, exampleName: String(regionName(example)) });
    }
    out.region = kept;
  }
  return out;
}

