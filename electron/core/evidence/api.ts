import { switchLabels } from '../platforms';
import { existsSync } from 'node:fs';
import type { ApiRegistry } from '../api/registry';
import { apiError, notFound } from '../api/errors';
import { requireCase } from '../cases/api';
import type { CoreContext } from '../context';
import { registerFileResolver } from '../files';
import { isoNow } from '../util/clock';
import { captureTimeoutMs, storeCapture } from './capture';
import { appendCustody, checkCustody, readCustody } from './custody';
import { diffCaptures, saveDiff } from './diff';
import { importBytes, importPaths } from './importer';
import { artifactInfo, filesFor, getRow, parseRecord, toSummary } from './repo';
import { blobPath, cleanOrphans, emptyTrash, trashUnusedBlobs } from './store';
import { writeTx } from '../db/tx';
import { StoredPathError } from '../util/stored-path';
import { listEvidenceForCase } from './query';
import { verifyCase } from './verify';
import { detachFromEvents, dropDeadLinks, eventsHolding } from './holders';
import { httpStatusError, plainCaptureError } from '../capture/net-errors';
import type { ToggleReading } from '../contract/evidence';

function requireItem(ctx: CoreContext, id: string) {
  const row = getRow(ctx.db, id);
  if (!row) throw notFound('evidence item', id);
  return row;
}

/** Registers the evidence handlers, the `evidence` file resolver, and sweeps left-overs of interrupted writes. */
export function registerEvidence(api: ApiRegistry, ctx: CoreContext): void {
  // Stray entries (not written by Redress) are left alone; verify reports them.
  cleanOrphans(ctx.db, ctx.dataDir);
  dropDeadLinks(ctx);
  registerFileResolver('evidence', (c, id) => resolveEvidenceFile(c, id));

  api.register('evidence.list', ({ caseId }) => {
    requireCase(ctx, caseId);
    return listEvidenceForCase(ctx, caseId);
  });

  api.register('evidence.get', ({ id }) => {
    const row = requireItem(ctx, id);
    const record = parseRecord(row);
    return {
      ...toSummary(row),
      artifacts: filesFor(ctx.db, id).map((f) => artifactInfo(ctx.dataDir, f)),
      record,
      ...(record.toggle ? { toggleReading: record.toggle as ToggleReading } : {}),
    };
  });

  api.register('evidence.add', async ({ caseId, paths, kind }) => {
    // A path names any file on this computer. Reading a path is for the CLI only: a window (Electron or browser) uploads the bytes the user picked, so a
    // compromised page cannot make the core read any file it names.
    if (ctx.app.host !== 'cli') throw apiError('invalid_input', 'errors.evidence.importPathCliOnly');
    requireCase(ctx, caseId);
    return importPaths(ctx, caseId, paths, kind);
  });

  api.register('evidence.upload', async ({ caseId, filename, dataBase64, kind }) => {
    requireCase(ctx, caseId);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw apiError('invalid_input', 'errors.evidence.notBase64');
    return importBytes(ctx, caseId, filename, Buffer.from(dataBase64, 'base64'), kind);
  });

  api.register('evidence.capture', async ({ caseId, url, purpose }) => {
    const c = requireCase(ctx, caseId);
    if (!ctx.capturer) throw apiError('failed', 'errors.evidence.noCapturer');
    // The switch is looked for by the labels of the case's platform (data/platforms/) and no other's; LinkedIn's come
    // from data/switch-labels.json, as before. A platform whose file names none passes them empty: the page is kept,
    // and its switch recorded as not looked for, never read by LinkedIn's labels.
    const labels = c.platform === 'linkedin' ? undefined : switchLabels(c.platform);
    let raw;
    try {
      raw = await ctx.capturer.capture({ url, purpose, timeoutMs: captureTimeoutMs(), ...(labels !== undefined ? { labels } : {}) });
    } catch (err) {
      throw plainCaptureError(url, err);
    }
    // The same rule for every engine: an error page (404, 500…) is not the page the user asked to keep.
    const refused = raw.httpStatus ? httpStatusError(url, raw.httpStatus) : null;
    if (refused) throw refused;
    return storeCapture(ctx, caseId, purpose, raw);
  });

  api.register('evidence.confirmToggle', ({ id, state }) => {
    const row = requireItem(ctx, id);
    if (row.purpose !== 'setting') throw apiError('invalid_input', 'errors.evidence.notASetting');
    const detected = (parseRecord(row).toggle as ToggleReading | undefined)?.state ?? 'unknown';
    // Agreeing with what the page showed keeps "read from the page"; anything else is a correction made by hand.
    const by = state === detected ? 'page' : 'hand';
    writeTx(ctx.db, () => {
      ctx.db.prepare('UPDATE evidence SET toggle_state = ?, toggle_confirmed_by = ? WHERE id = ?').run(state, by, id);
      appendCustody(ctx, row.case_id, by === 'hand' ? 'evidence.toggle.correct' : 'evidence.toggle.confirm', {
        evidenceId: id,
        detected,
        state,
      });
    });
    return toSummary(requireItem(ctx, id));
  });

  api.register('evidence.verify', async ({ caseId }) => {
    requireCase(ctx, caseId);
    return verifyCase(ctx, caseId);
  });

  api.register('evidence.diff', ({ from, to }) => diffCaptures(ctx, from, to));
  api.register('evidence.saveDiff', ({ from, to }) => saveDiff(ctx, from, to));

  api.register('evidence.holders', ({ id }) => {
    requireItem(ctx, id);
    return { events: eventsHolding(ctx.db, id) };
  });

  api.register('evidence.delete', ({ id }) => {
    // The row, its links from events, its log entry and the fate of its files are decided under one write lock; a
    // blob another item (or an upload racing this delete) still uses stays. Unused blobs go to trash/ inside the
    // transaction, gone after it. Events that held the item lose it here, so none keeps a dead id.
    const { trashed, detachedFrom } = writeTx(ctx.db, () => {
      const row = requireItem(ctx, id);
      const files = filesFor(ctx.db, id);
      const holders = detachFromEvents(ctx.db, id);
      ctx.db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
      appendCustody(ctx, row.case_id, 'evidence.delete', {
        evidenceId: id,
        title: row.title,
        sha256: row.sha256,
        at: isoNow(ctx.clock),
        ...(holders.length ? { detachedFromEvents: holders.map((h) => h.eventId), detachedFrom: holders.map((h) => `${h.typeLabel} on ${h.on}`).join('; ') } : {}),
      });
      return { trashed: trashUnusedBlobs(ctx.db, ctx.dataDir, files.map((f) => f.sha256)), detachedFrom: holders };
    });
    emptyTrash(trashed);
    return { deleted: id, detachedFrom };
  });

  api.register('evidence.custody', ({ caseId }) => {
    requireCase(ctx, caseId);
    return { ...checkCustody(ctx.db, caseId), entries: readCustody(ctx.db, caseId) };
  });

  api.register('evidence.capturerInfo', () => ({
    available: Boolean(ctx.capturer),
    engine: ctx.capturer?.engine ?? 'none',
    interactive: Boolean(ctx.capturer?.interactive),
  }));

  api.register('evidence.openCaptureWindow', async ({ url }) => {
    if (!ctx.capturer?.open) throw apiError('invalid_input', 'errors.evidence.headless');
    await ctx.capturer.open(url);
    return { opened: true };
  });

  api.register('evidence.clearCaptureSession', async () => {
    if (!ctx.capturer) return { cleared: false };
    await ctx.capturer.clearSession();
    return { cleared: true };
  });
}

/** `<id>` serves the item's picture (a capture's screenshot, an imported file); `<id>.<role>` one named artifact. */
function resolveEvidenceFile(ctx: CoreContext, ref: string) {
  const [id, role] = ref.split('.', 2);
  const row = getRow(ctx.db, id);
  if (!row) return undefined;
  const files = filesFor(ctx.db, id);
  const f = role ? files.find((x) => x.role === role) : (files.find((x) => x.role === 'screenshot') ?? files.find((x) => x.role === 'primary') ?? files[0]);
  if (!f) return undefined;
  let path;
  try {
    path = blobPath(ctx.dataDir, f.sha256);
  } catch (err) {
    if (err instanceof StoredPathError) return undefined;
    throw err;
  }
  if (!existsSync(path)) return undefined;
  const ext: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'text/plain': 'txt', 'text/html': 'html', 'multipart/related': 'mhtml', 'application/json': 'json' };
  const filename = row.filename ?? `${row.id}-${f.role}.${ext[f.mime] ?? 'bin'}`;
  return { path, mime: f.mime === 'text/html' ? 'text/plain; charset=utf-8' : f.mime, size: f.size, filename };
}
