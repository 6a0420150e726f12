import { existsSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { ApiError, apiError, wordIssue } from '../api/errors';
import { say } from '../i18n';
import { IMPORT_NOT_AN_IMAGE, MAX_IMPORT_BYTES, SafeFilename, type EvidenceAdded, type ImportKind } from '../contract/evidence';
import type { CoreContext } from '../context';
import { newId } from '../util/ids';
import { isoNow } from '../util/clock';
import { appendCustody } from './custody';
import { checkImage } from './image-check';
import { insertEvidence } from './repo';
import { looksLikeImageName, sniffFile, type Sniffed } from './sniff';
import { discardStaged, formatBytes, placeAndRecord, stageBytes, stageFromPath, type StagedFile, TooLargeError } from './store';

interface Prepared {
  staged: StagedFile;
  filename: string;
  sniffed: Sniffed;
  kind: ImportKind;
}

/**
 * Imports files in two phases: every file is staged (copied while hashed) and checked first; only when all pass are
 * they moved into the store and their rows written in one transaction. One bad file therefore stores nothing.
 */
export async function importPaths(ctx: CoreContext, caseId: string, paths: string[], kind?: ImportKind): Promise<EvidenceAdded[]> {
  const sources = paths.map((p) => {
    const full = resolve(p);
    const name = basename(full);
    const checkedName = SafeFilename.safeParse(name);
    if (!checkedName.success) throw apiError('invalid_input', 'errors.evidence.badFileName', { name: JSON.stringify(name), reason: wordIssue(checkedName.error.issues[0] as { message: string; params?: Record<string, unknown> }) });
    if (!existsSync(full)) throw apiError('invalid_input', 'errors.evidence.noSuchFile', { path: p });
    const st = statSync(full);
    if (!st.isFile()) throw apiError('invalid_input', 'errors.evidence.notAFile', { path: p });
    if (st.size === 0) throw apiError('invalid_input', 'errors.evidence.empty', { name });
    if (st.size > MAX_IMPORT_BYTES) throw new TooLargeError(name, MAX_IMPORT_BYTES);
    return { full, name };
  });
  const prepared: Prepared[] = new Array(sources.length);
  const staged: StagedFile[] = [];
  // Two files at a time: while one waits for its fsync, the other is read and hashed.
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (next < sources.length && !stop) {
      const i = next++;
      try {
        const one = await stageFromPath(ctx.dataDir, sources[i].full, MAX_IMPORT_BYTES, sources[i].name);
        staged.push(one);
        prepared[i] = await inspect(one, sources[i].name, kind);
      } catch (err) {
        stop = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled([worker(), worker()]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  try {
    if (failed) throw failed.reason;
    return await commit(ctx, caseId, prepared);
  } catch (err) {
    await discardStaged(staged);
    throw err;
  }
}

/** The UI's door: the bytes arrive in the request (bounded by MAX_UPLOAD_BYTES in the contract). */
export async function importBytes(ctx: CoreContext, caseId: string, filename: string, data: Buffer, kind?: ImportKind): Promise<EvidenceAdded> {
  if (data.length === 0) throw apiError('invalid_input', 'errors.evidence.empty', { name: filename });
  const staged = await stageBytes(ctx.dataDir, data);
  let prepared: Prepared;
  try {
    prepared = await inspect(staged, filename, kind);
  } catch (err) {
    await discardStaged([staged]);
    throw err;
  }
  try {
    return (await commit(ctx, caseId, [prepared]))[0];
  } catch (err) {
    await discardStaged([staged]);
    throw err;
  }
}

async function inspect(staged: StagedFile, filename: string, kind?: ImportKind): Promise<Prepared> {
  if (staged.size === 0) throw apiError('invalid_input', 'errors.evidence.empty', { name: filename });
  const sniffed = await sniffFile(staged.tmpPath);
  const isImage = sniffed.mime.startsWith('image/');
  // A name like .png without an image inside is refused unless the user chose to keep it as something else.
  if (!isImage && (kind === 'screenshot' || (!kind && looksLikeImageName(filename)))) {
    // Host-neutral words; the CLI adds its flag and the app a button, recognising the reason in `detail`.
    throw apiError(
      'invalid_input',
      'errors.evidence.notAnImage',
      { name: filename, looksLike: describe(sniffed.mime) },
      {
        issues: [{ path: 'kind', message: say('errors.evidence.notAnImageIssue'), key: 'errors.evidence.notAnImageIssue' }],
        detail: { reason: IMPORT_NOT_AN_IMAGE, filename, suggestedKind: 'document' },
      },
    );
  }
  if (isImage) {
    const problem = await checkImage(staged.tmpPath, sniffed.mime);
    if (problem)
      throw sniffed.ext
        ? apiError('invalid_input', 'errors.evidence.doesNotDecode', { name: filename, format: sniffed.ext.toUpperCase(), problem })
        : apiError('invalid_input', 'errors.evidence.doesNotDecodeImage', { name: filename, problem });
  }
  const derived: ImportKind = isImage ? 'screenshot' : sniffed.mime === 'message/rfc822' ? 'correspondence' : 'document';
  return { staged, filename, sniffed, kind: kind ?? derived };
}

function describe(mime: string): string {
  if (mime === 'application/octet-stream') return 'unrecognised binary data';
  if (mime === 'text/plain') return 'plain text';
  return mime;
}

async function commit(ctx: CoreContext, caseId: string, prepared: Prepared[]): Promise<EvidenceAdded[]> {
  const addedAt = isoNow(ctx.clock);
  const ids = prepared.map(() => newId('ev'));
  try {
    // Files are moved in and rows written under one write lock: a delete of the same content cannot slip between.
    return placeAndRecord(ctx.db, ctx.dataDir, prepared.map((p) => p.staged), (paths) =>
      prepared.map((p, i): EvidenceAdded => {
        const o: EvidenceAdded = {
          id: ids[i],
          sha256: p.staged.sha256,
          storedPath: paths[i],
          filename: p.filename,
          size: p.staged.size,
          kind: p.kind,
          mime: p.sniffed.mime,
          ...(p.sniffed.capturedAt ? { capturedAt: p.sniffed.capturedAt } : {}),
        };
        const title = p.sniffed.subject || stripExt(p.filename);
        insertEvidence(ctx.db, {
          id: o.id,
          caseId,
          kind: p.kind,
          title,
          addedAt,
          capturedAt: p.sniffed.capturedAt,
          sha256: o.sha256,
          mime: o.mime,
          size: o.size,
          filename: p.filename,
          record: {
            source: 'import',
            originalName: p.filename,
            sniffedType: p.sniffed.mime,
            ...(p.sniffed.capturedAt ? { capturedAt: p.sniffed.capturedAt, capturedAtSource: p.sniffed.capturedAtSource } : {}),
            metadata: p.sniffed.meta,
          },
          files: [{ role: 'primary', sha256: o.sha256, size: o.size, mime: o.mime }],
        });
        // Everything the row says is logged here too, so verify can tell an edited row from the one that arrived.
        appendCustody(ctx, caseId, 'evidence.add', {
          evidenceId: o.id,
          sha256: o.sha256,
          filename: p.filename,
          size: o.size,
          mime: o.mime,
          kind: p.kind,
          title,
          capturedAt: p.sniffed.capturedAt ?? null,
          addedAt,
        });
        return o;
      }),
    ).result;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw apiError('failed', 'errors.evidence.recordFailed', { reason: err instanceof Error ? err.message : String(err) });
  }
}

const stripExt = (name: string) => (extname(name) ? name.slice(0, -extname(name).length) : name) || name;
export { formatBytes };
