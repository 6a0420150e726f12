// Turns a draft into a file (pdf, text, eml, json), stores it in the data folder, records it with its hash on the
// case and in the custody log. The stored copy is what the UI downloads and the CLI copies to --out.
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../util/atomic-write';
import { join } from 'node:path';
import { ApiError, apiError } from '../api/errors';
import type { CoreContext } from '../context';
import type { DraftFormat, ExportRecord, PdfProfile } from '../contract/drafting';
import { appendCustody } from '../evidence/custody';
import { evidenceFiles } from '../evidence/query';
import { PdfBuildError, buildPdf, type ExhibitInput } from '../pdf/build';
import { buildWithinBudget } from '../pdf/upload';
import { newId } from '../util/ids';
import { exportStoredPath, readStored, StoredPathError, type StoredPath } from '../util/stored-path';
import { privateDir } from '../db/open';
import { writeTx } from '../db/tx';
import { chainHead } from '../evidence/custody';
import { isoNow } from '../util/clock';
import { compose, type ComposedDocument } from './compose';
import { toEml } from './eml';
import { getDraft, insertExport, saveDraft } from './repo';
import { checkLanguage, draftView, findTemplate } from './compose';

export const DEFAULT_UPLOAD_BUDGET = 3 * 1024 * 1024;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A file name safe on every OS: letters of any script, digits, hyphens; nothing that could climb out of a folder. */
export function safeName(s: string, max = 60): string {
  const cleaned = s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return cleaned || 'file';
}

/**
 * Reads each evidence item's files for the appendix, refusing a file whose hash no longer matches its record. Only
 * `StoredPath`s are read: text that came from a page (a capture's readable text, a diff) is content and is printed,
 * whatever it looks like.
 */
export function exhibitsFor(ctx: CoreContext, doc: ComposedDocument): ExhibitInput[] {
  return doc.facts.evidence.map((ev, i) => {
    const cannotRead = (err: unknown): never => {
      if (err instanceof StoredPathError) throw new ApiError('conflict', `Exhibit ${i + 1} (${ev.title}): its record names no valid stored file (the database was edited). Run "evidence verify" for this case.`);
      const code = (err as NodeJS.ErrnoException).code;
      throw new ApiError('conflict', `Exhibit ${i + 1} (${ev.title}): its stored file ${code === 'ENOENT' ? 'is missing' : `cannot be read (${code})`}. Run "evidence verify" for this case, then export again.`);
    };
    let files: ReturnType<typeof evidenceFiles>;
    try {
      files = evidenceFiles(ctx, ev.id);
    } catch (err) {
      return cannotRead(err);
    }
    const read = (path: StoredPath): Buffer => {
      try {
        return readStored(path);
      } catch (err) {
        return cannotRead(err);
      }
    };
    const ex: ExhibitInput = {
      number: i + 1,
      title: ev.title,
      kind: ev.kind,
      addedAt: ev.addedAt,
      capturedAt: ev.capturedAt,
      sourceUrl: ev.sourceUrl,
      sha256: ev.sha256,
    };
    if (files.primary) {
      const bytes = read(files.primary);
      if (sha256(bytes) !== ev.sha256) {
        throw new ApiError('conflict', `Exhibit ${i + 1} (${ev.title}) no longer matches the hash recorded when it was added. Run "evidence verify" and resolve it before exporting.`);
      }
      ex.original = { bytes, filename: safeName((ev.filename ?? ev.title).replace(/\.[A-Za-z0-9]{1,8}$/, ''), 80) + extension(ev.filename, ev.mime), mime: ev.mime };
    }
    if (files.screenshot) {
      const bytes = ex.original && files.screenshot.path === files.primary ? ex.original.bytes : read(files.screenshot.path);
      ex.screenshot = { bytes, mime: files.screenshot.mime };
      // A capture has no single primary file (its hash is the manifest's): attach the screenshot itself, with its own hash.
      if (!ex.original) ex.original = { bytes, filename: `${safeName(ev.title, 70)}-screenshot${extension(undefined, files.screenshot.mime)}`, mime: files.screenshot.mime, sha256: sha256(bytes) };
    }
    if (files.text) ex.text = files.text.content;
    return ex;
  });
}

function extension(filename: string | undefined, mime: string): string {
  const m = filename ? /\.[A-Za-z0-9]{1,8}$/.exec(filename) : null;
  if (m) return m[0].toLowerCase();
  return { 'image/png': '.png', 'image/jpeg': '.jpg', 'application/pdf': '.pdf', 'text/plain': '.txt', 'text/html': '.html' }[mime] ?? '.bin';
}

/** The letter's `## ` headings as underlined lines, for plain text and email. */
export const plainText = (letter: string) => letter.replace(/^## (.+)$/gm, (_, t: string) => `${t}\n${'-'.repeat(t.length)}`);

export interface ExportOptions {
  format: DraftFormat;
  profile: PdfProfile;
  budgetBytes?: number;
  /** The member insists on a document the record does not yet support (see `readiness`). */
  anyway?: boolean;
  /** The letter's language (one of the template's); saved with the draft once the export succeeds. */
  language?: string;
}

export interface Rendered {
  bytes: Uint8Array;
  ext: string;
  mime: string;
  pages?: number;
  exhibits?: number;
  attachments?: number;
}

/** The appendix's note on the copies and hashes, in the letter's language. */
const PROFILE_NOTES: Record<string, { upload: string; archive: string; head: (seq: number, hash: string) => string }> = {
  en: {
    upload: 'Upload copy: screenshots may be reduced in size; the originals are not attached. Each SHA-256 is that of the original file kept by the sender.',
    archive: 'Each SHA-256 is the hash of the original file as recorded when it was added; the originals are attached to this PDF as files.',
    head: (seq, hash) => ` Custody log of this case before this export: entry ${seq}, SHA-256 ${hash}.`,
  },
  de: {
    upload: 'Kopie zum Hochladen: Bildschirmfotos können verkleinert sein; die Originale sind nicht angehängt. Jeder SHA-256-Wert ist der der Originaldatei, die der Absender aufbewahrt.',
    archive: 'Jeder SHA-256-Wert ist der Hash der Originaldatei, wie er beim Hinzufügen festgehalten wurde; die Originale sind dieser PDF-Datei als Dateien angehängt.',
    head: (seq, hash) => ` Protokoll der Beweiskette dieses Falls vor diesem Export: Eintrag ${seq}, SHA-256 ${hash}.`,
  },
  fr: {
    upload: 'Copie pour téléversement : les captures d’écran peuvent être réduites ; les originaux ne sont pas joints. Chaque SHA-256 est celui du fichier original conservé par l’expéditeur.',
    archive: 'Chaque SHA-256 est l’empreinte du fichier original telle qu’enregistrée lors de son ajout ; les originaux sont joints à ce PDF sous forme de fichiers.',
    head: (seq, hash) => ` Journal de la chaîne de conservation de ce dossier avant cet export : entrée ${seq}, SHA-256 ${hash}.`,
  },
};

export async function renderExport(ctx: CoreContext, doc: ComposedDocument, o: ExportOptions): Promise<Rendered> {
  const m = doc.view.template;
  if (o.format === 'json') {
    const json = { template: m.id, fields: doc.fields };
    return { bytes: Buffer.from(JSON.stringify(json, null, 2) + '\n'), ext: 'json', mime: 'application/json' };
  }
  if (o.format === 'text') return { bytes: Buffer.from(plainText(doc.text) + '\n'), ext: 'txt', mime: 'text/plain; charset=utf-8' };
  if (o.format === 'eml') {
    const c = doc.facts.case;
    return { bytes: Buffer.from(toEml({ fromName: c.name, fromEmail: c.email, to: doc.view.recipient.email ?? m.email, subject: doc.subject, body: plainText(doc.text), date: ctx.clock.now() })), ext: 'eml', mime: 'message/rfc822' };
  }
  const exhibits = exhibitsFor(ctx, doc);
  const upload = o.profile === 'upload';
  // The custody chain's head, printed in the PDF: a copy outside the data folder that a later truncation or rewrite
  // of the log cannot reach.
  const head = chainHead(ctx.db, doc.facts.case.id);
  const notes = PROFILE_NOTES[doc.language] ?? PROFILE_NOTES.en;
  const headNote = head ? notes.head(head.seq, head.hash) : '';
  const input = {
    title: doc.subject,
    author: doc.facts.case.name,
    subject: `${m.title}: ${doc.view.recipient.name}`,
    keywords: ['Redress', m.id, ...m.legalBasis],
    creator: `${ctx.app.name} ${ctx.app.version}`,
    createdAt: ctx.clock.now(),
    letter: doc.text,
    exhibits,
    attachOriginals: !upload,
    profileNote: (upload ? notes.upload : notes.archive) + headNote,
    language: doc.language,
  };
  try {
    const r = upload ? await buildWithinBudget(input, o.budgetBytes ?? DEFAULT_UPLOAD_BUDGET) : await buildPdf(input);
    return { bytes: r.bytes, ext: 'pdf', mime: 'application/pdf', pages: r.pages, exhibits: exhibits.length, attachments: r.attachments };
  } catch (err) {
    if (err instanceof PdfBuildError) throw new ApiError('failed', err.message);
    throw err;
  }
}

/** `values`, when given, are saved as the draft, but only once the export has succeeded: bad input writes nothing. */
export async function exportDraft(ctx: CoreContext, caseId: string, templateId: string, o: ExportOptions, values?: Record<string, string>): Promise<ExportRecord> {
  const doc = compose(ctx, caseId, templateId, values, o.language);
  const { availability, readiness } = doc.view;
  if (!availability.available) {
    if (availability.reasonMsg) throw apiError('invalid_input', availability.reasonMsg.key, availability.reasonMsg.params);
    throw new ApiError('invalid_input', availability.reason ?? 'This template does not apply to this case.');
  }
  if (!readiness.ready && !o.anyway) {
    // By key where the reason has one, the reason nested in it, so the screen words the refusal in the language shown.
    const msg = readiness.reasonsMsg.length === 1 ? readiness.reasonsMsg[0] : null;
    if (msg) throw apiError('invalid_input', 'drafting.exportNotYet', { ...msg.params, reasonKey: msg.key });
    throw new ApiError(
      'invalid_input',
      `Not yet: ${readiness.reasons.join(' ')}\nTo draft it now anyway, worded from the record as it stands, export again with "anyway" (the CLI's --anyway, or the "Draft it anyway" box).`,
    );
  }
  if (doc.problems.length) {
    throw new ApiError('invalid_input', `Fix these fields before exporting:\n${doc.problems.map((p) => `- ${p.message}`).join('\n')}`, doc.problems.map((p) => ({ path: p.field, message: p.message })));
  }
  const r = await renderExport(ctx, doc, o);
  const id = newId('exp');
  const createdAt = isoNow(ctx.clock);
  const filename = `${safeName(doc.facts.case.title, 40)}-${templateId}${o.format === 'pdf' ? `-${o.profile}` : ''}-${createdAt.slice(0, 10)}.${r.ext}`;
  privateDir(join(ctx.dataDir, 'exports'));
  const file = `exports/${id}.${r.ext}`;
  // temp file, fsync, rename: a crash never leaves a half-written export under its final name.
  writeFileAtomic(exportStoredPath(ctx.dataDir, id, r.ext), r.bytes);
  const rec: ExportRecord = {
    id,
    caseId,
    templateId,
    format: o.format,
    profile: o.format === 'pdf' ? o.profile : null,
    filename,
    sha256: sha256(r.bytes),
    size: r.bytes.length,
    createdAt,
    ...(r.pages !== undefined ? { pages: r.pages, exhibits: r.exhibits, attachments: r.attachments } : {}),
  };
  writeTx(ctx.db, () => {
    if (values || o.language) saveDraftValues(ctx, caseId, templateId, values ?? Object.fromEntries(Object.entries(doc.view.values).map(([k, v]) => [k, doc.view.linked[k] ?? v])), doc.view.language);
    insertExport(ctx.db, rec, file);
    appendCustody(ctx, caseId, 'export', { exportId: id, templateId, format: o.format, profile: rec.profile, sha256: rec.sha256, size: rec.size, filename });
  });
  return rec;
}

export const EXPORT_MIME: Record<DraftFormat, string> = {
  pdf: 'application/pdf',
  text: 'text/plain; charset=utf-8',
  eml: 'message/rfc822',
  json: 'application/json',
};

/** Keeps only the template's own fields, so a stale form cannot plant other keys in the draft. */
export function saveDraftValues(ctx: CoreContext, caseId: string, templateId: string, values: Record<string, string>, language?: string): string {
  const t = findTemplate(templateId);
  const known = new Set(t.manifest.fields.map((f) => f.name));
  const savedAt = isoNow(ctx.clock);
  // Without a language: the one the draft is shown in now (saved before, else the recipient's), so saving never switches it.
  const lang = language ? checkLanguage(t, language) : (getDraft(ctx.db, caseId, t.manifest.id)?.language ?? draftView(ctx, caseId, templateId).language);
  saveDraft(ctx.db, caseId, templateId, t.bodies[lang] ? lang : t.manifest.languages[0], Object.fromEntries(Object.entries(values).filter(([k]) => known.has(k))), savedAt);
  return savedAt;
}
