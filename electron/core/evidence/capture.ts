import { createHash } from 'node:crypto';
import { arch, platform, release, userInfo } from 'node:os';
import { ApiError, apiError } from '../api/errors';
import type { RawCapture } from '../capture/capturer';
import type { CaptureResult } from '../contract/evidence';
import type { CoreContext } from '../context';
import { newId } from '../util/ids';
import { isoNow } from '../util/clock';
import { appendCustody } from './custody';
import { readableText } from './policy-text';
import { insertEvidence } from './repo';
import { discardStaged, placeAndRecord, stageBytes, type StagedFile } from './store';

export const DEFAULT_CAPTURE_TIMEOUT_MS = 45_000;

export function captureTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.REDRESS_CAPTURE_TIMEOUT_MS);
  return Number.isFinite(n) && n >= 1000 ? n : DEFAULT_CAPTURE_TIMEOUT_MS;
}

/** Stable JSON for the manifest: same record, same bytes, same hash. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * Stores one capture: every artifact is staged and hashed, a manifest listing them (with the capture record) is
 * hashed in turn, and only then are files moved in and the row written. The manifest's hash is the item's hash.
 * Cookies and storage of the capture session never reach any of these files.
 */
export async function storeCapture(ctx: CoreContext, caseId: string, purpose: 'setting' | 'page', raw: RawCapture): Promise<CaptureResult> {
  const id = newId('ev');
  const readable = raw.domHtml ? readableText(raw.domHtml, raw.finalUrl) : { title: raw.title, text: '' };
  const parts: { role: string; mime: string; data: Buffer }[] = [
    { role: 'screenshot', mime: 'image/png', data: raw.screenshotPng },
    { role: 'dom', mime: 'text/html', data: Buffer.from(raw.domHtml, 'utf8') },
    { role: 'text', mime: 'text/plain', data: Buffer.from(readable.text, 'utf8') },
  ];
  if (raw.mhtml) parts.push({ role: 'mhtml', mime: 'multipart/related', data: Buffer.from(raw.mhtml, 'utf8') });
  if (raw.sourceHtml) parts.push({ role: 'source', mime: 'text/html', data: Buffer.from(raw.sourceHtml, 'utf8') });

  const capturedAt = raw.finishedAt;
  const record = {
    format: 'redress-capture/1',
    evidenceId: id,
    caseId,
    purpose,
    requestedUrl: raw.requestedUrl,
    finalUrl: raw.finalUrl,
    redirectChain: raw.redirectChain,
    httpStatus: raw.httpStatus,
    responseHeaders: raw.responseHeaders,
    capturedAt,
    startedAt: raw.startedAt,
    clock: 'system clock of this computer, UTC',
    title: raw.title,
    readableTitle: readable.title,
    viewport: raw.viewport,
    devicePixelRatio: raw.devicePixelRatio,
    userAgent: raw.userAgent,
    engine: raw.engine,
    app: { name: ctx.app.name, version: ctx.app.version, host: ctx.app.host },
    os: { platform: platform(), release: release(), arch: arch() },
    capturedBy: safeUser(),
    actions: raw.actions,
    toggle: raw.toggle,
    session: 'capture session cookies and storage are not stored',
  };
  const staged: StagedFile[] = [];
  try {
    for (const p of parts) staged.push(await stageBytes(ctx.dataDir, p.data));
    const artifacts = parts.map((p, i) => ({ role: p.role, mime: p.mime, sha256: staged[i].sha256, size: staged[i].size }));
    const manifest = Buffer.from(stableJson({ ...record, artifacts }) + '\n', 'utf8');
    const manifestStaged = await stageBytes(ctx.dataDir, manifest);
    staged.push(manifestStaged);
    const files = [...artifacts, { role: 'manifest', mime: 'application/json', sha256: manifestStaged.sha256, size: manifestStaged.size }];
    const { paths } = placeAndRecord(ctx.db, ctx.dataDir, staged, () => {
      insertEvidence(ctx.db, {
        id,
        caseId,
        kind: 'capture',
        title: raw.title || readable.title || raw.finalUrl,
        addedAt: isoNow(ctx.clock),
        capturedAt,
        sourceUrl: raw.finalUrl,
        sha256: manifestStaged.sha256,
        mime: 'application/json',
        size: manifestStaged.size,
        purpose,
        toggleState: purpose === 'setting' ? raw.toggle.state : null,
        toggleConfirmedBy: purpose === 'setting' ? 'page' : null,
        record,
        files,
      });
      appendCustody(ctx, caseId, 'evidence.capture', {
        evidenceId: id,
        url: raw.requestedUrl,
        finalUrl: raw.finalUrl,
        manifestSha256: manifestStaged.sha256,
        toggle: purpose === 'setting' ? raw.toggle.state : undefined,
      });
    });
    return {
      id,
      url: raw.requestedUrl,
      finalUrl: raw.finalUrl,
      capturedAt,
      title: raw.title,
      toggle: { state: raw.toggle.state, method: raw.toggle.method, ...(raw.toggle.selector ? { selector: raw.toggle.selector } : {}) },
      artifacts: files.map((f, i) => ({ kind: f.role, sha256: f.sha256, storedPath: paths[i] })),
      sha256: manifestStaged.sha256,
    };
  } catch (err) {
    await discardStaged(staged);
    if (err instanceof ApiError) throw err;
    throw apiError('failed', 'errors.evidence.storeFailed', { reason: err instanceof Error ? err.message : String(err) });
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
