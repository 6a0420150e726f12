// "I have sent it": the member says a letter went out. In one write transaction the letter as sent (the export's own
// bytes, or a web form's fields as copied) is filed in the evidence locker and the request, reminder or complaint is
// recorded on the timeline with that item attached, both in the custody log. Later complaints list it as an exhibit.
import { createHash } from 'node:crypto';
import { ApiError, invalid, wordIssue } from '../api/errors';
import { requireCase } from '../cases/api';
import type { CoreContext } from '../context';
import type { MarkSentResult, TemplateManifest } from '../contract/drafting';
import { EventAddInput, type EventValues } from '../contract/tracking';
import { appendCustody } from '../evidence/custody';
import { insertEvidence } from '../evidence/repo';
import { discardStaged, placeAndRecord, stageBytes } from '../evidence/store';
import { checkTimeline, listEvents } from '../tracking/events';
import { addEvent, todayOf } from '../tracking/service';
import { isoNow } from '../util/clock';
import { newId } from '../util/ids';
import { exportStoredPath, readStored } from '../util/stored-path';
import { compose } from './compose';
import { translator } from '../i18n';
import type { Language } from '../contract/i18n';
import { PLATFORM_LABELS } from '../contract/cases';
import { getPreferences } from '../preferences';
import { letterFacts } from './facts';
import { safeName } from './export';
import { getExport } from './repo';

export interface MarkSentInput {
  caseId: string;
  templateId: string;
  exportId?: string;
  on: string;
  receivedOn?: string;
  channel: 'webform' | 'email' | 'post';
  ref?: string;
}

const EXT = { pdf: 'pdf', text: 'txt', eml: 'eml', json: 'json' } as const;
/** The type a file is filed under in the locker (without a charset: the locker records the content's type). */
const MIME = { pdf: 'application/pdf', text: 'text/plain', eml: 'message/rfc822', json: 'application/json' } as const;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * What the member calls the document, in `lang`: "Objection", "Access request", "Reminder", "Complaint to the DPC".
 * `authority` is the home authority's name (a complaint to the home authority).
 */
export function sentName(m: TemplateManifest, lang: Language = 'en', authority?: string, platform = 'LinkedIn'): string {
  const t = translator(lang);
  if (m.kind === 'reminder') return t('drafting.sent.name.reminder');
  if (m.kind === 'complaint') {
    if (m.recipient === 'controller') return t('drafting.sent.name.complaintToController', { platform });
    if (m.recipient === 'ico') return t('drafting.sent.name.complaintToIco');
    if (m.recipient === 'dpc') return t('drafting.sent.name.complaintToDpc');
    return t('drafting.sent.name.complaintToAuthority', { authority: authority ?? '' });
  }
  return t(`drafting.sent.name.${m.requestType ?? 'other'}`);
}

/** The event the template's sending makes, without the date, channel and reference the member gives. */
function eventFor(ctx: CoreContext, caseId: string, templateId: string): { m: TemplateManifest; type: MarkSentResult['eventType']; requestType?: EventValues['requestType']; authority?: string; forEventId?: string; authorityShort?: string } {
  const doc = compose(ctx, caseId, templateId);
  const m = doc.view.template;
  if (m.kind === 'request') return { m, type: 'request_sent', requestType: m.requestType ?? 'objection' };
  if (m.kind === 'reminder') {
    const focus = letterFacts(doc.facts).focus;
    if (!focus) throw invalid('There is no request on this case for the reminder to chase: record the request first.');
    return { m, type: 'reminder_sent', forEventId: focus.id };
  }
  if (m.recipient === 'controller') return { m, type: 'organisation_complaint' };
  const authority = m.recipient === 'ico' ? 'ICO' : m.recipient === 'dpc' ? 'DPC' : doc.view.recipient.name;
  const authorityShort = m.recipient === 'home' ? doc.view.recipient.name : undefined;
  return { m, type: 'complaint_filed', authority, authorityShort };
}

/** A web form has no file: what the member copied, field by field, is what was sent. */
function webFormText(ctx: CoreContext, caseId: string, templateId: string): Buffer {
  const doc = compose(ctx, caseId, templateId);
  const web = doc.view.template.fields.filter((f) => f.webForm).map((f) => f.name);
  if (!web.length) throw invalid('This document has no web form fields: export it first, then say it was sent.');
  if (doc.problems.some((p) => web.includes(p.field))) {
    throw invalid(`Fill in the form's fields first:\n${doc.problems.filter((p) => web.includes(p.field)).map((p) => `- ${p.message}`).join('\n')}`);
  }
  const lines = [`${doc.subject}`, `Sent through ${doc.view.template.formUrl ?? "the recipient's web form"}`, ''];
  for (const f of doc.fields.filter((x) => web.includes(x.name))) lines.push(`${f.label}:`, f.value, '');
  return Buffer.from(lines.join('\n'));
}

export async function markSent(ctx: CoreContext, input: MarkSentInput): Promise<MarkSentResult> {
  const c = requireCase(ctx, input.caseId);
  const ev = eventFor(ctx, c.id, input.templateId);

  // The file: the export's stored bytes (checked against the hash recorded when it was made), or the web form text.
  let bytes: Buffer;
  let filename: string;
  let mime: string;
  let fromExport: { id: string; sha256: string } | undefined;
  if (input.exportId) {
    const rec = getExport(ctx.db, input.exportId);
    if (!rec || rec.caseId !== c.id) throw new ApiError('not_found', `No export "${input.exportId}" in this case.`);
    if (rec.templateId !== input.templateId) throw invalid(`Export "${rec.filename}" is of another document (${rec.templateId}), not of ${input.templateId}.`);
    const ext = EXT[rec.format];
    if (rec.file !== `exports/${rec.id}.${ext}`) throw new ApiError('conflict', `The record of export "${rec.filename}" names no valid stored file (the database was edited).`);
    try {
      bytes = readStored(exportStoredPath(ctx.dataDir, rec.id, ext));
    } catch {
      throw new ApiError('conflict', `The file of export "${rec.filename}" is missing from the data folder; export again, then say it was sent.`);
    }
    if (sha256(bytes) !== rec.sha256) throw new ApiError('conflict', `The file of export "${rec.filename}" no longer matches the hash recorded when it was made; export again.`);
    filename = rec.filename;
    mime = MIME[rec.format];
    fromExport = { id: rec.id, sha256: rec.sha256 };
  } else {
    bytes = webFormText(ctx, c.id, input.templateId);
    filename = `${safeName(c.title, 40)}-${input.templateId}-web-form-${input.on}.txt`;
    mime = 'text/plain';
  }

  // The event as the timeline will hold it, checked before anything is written.
  const parsed = EventAddInput.safeParse({
    caseId: c.id,
    type: ev.type,
    on: input.on,
    receivedOn: input.receivedOn,
    channel: input.channel,
    ref: input.ref,
    ...(ev.requestType ? { requestType: ev.requestType } : {}),
    ...(ev.forEventId ? { forEventId: ev.forEventId } : {}),
    ...(ev.authority ? { authority: ev.authority } : {}),
  });
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => wordIssue(i)).join(' '));
  const { caseId: _caseId, ...fields } = parsed.data;
  void _caseId;
  const today = todayOf(ctx.clock);
  checkTimeline([...listEvents(ctx.db, c.id), { id: 'new', type: fields.type, on: fields.on, forEventId: fields.forEventId ?? null, createdAt: '\uffff' }], today);

  // The evidence item's title is data once stored: worded in the language the member chose for the app (English when
  // they chose none, as the core cannot know the system's), and kept as it was worded.
  const lang = getPreferences(ctx).language ?? 'en';
  const what = sentName(ev.m, lang, ev.authorityShort, PLATFORM_LABELS[c.platform]);
  const title = translator(lang)(input.exportId ? 'drafting.sent.title.export' : 'drafting.sent.title.webForm', { what, on: input.on });
  const staged = await stageBytes(ctx.dataDir, bytes);
  try {
    const evidenceId = newId('ev');
    const addedAt = isoNow(ctx.clock);
    // placeAndRecord's transaction is the one write: the file's row, the event and the custody entries commit together.
    const { result } = placeAndRecord(ctx.db, ctx.dataDir, [staged], () => {
        insertEvidence(ctx.db, {
          id: evidenceId,
          caseId: c.id,
          kind: 'document',
          title,
          addedAt,
          sha256: staged.sha256,
          mime,
          size: staged.size,
          filename,
          record: { source: 'sent', templateId: input.templateId, ...(fromExport ? { exportId: fromExport.id } : { webForm: true }) },
          files: [{ role: 'primary', sha256: staged.sha256, size: staged.size, mime }],
        });
        appendCustody(ctx, c.id, 'evidence.add', { evidenceId, sha256: staged.sha256, filename, size: staged.size, mime, kind: 'document', title, capturedAt: null, addedAt });
        const event = addEvent(ctx, c.id, { ...fields, evidenceIds: [evidenceId] });
        appendCustody(ctx, c.id, 'draft.sent', { templateId: input.templateId, exportId: fromExport?.id ?? null, evidenceId, eventId: event.id, sha256: staged.sha256 });
        return { eventId: event.id, eventType: ev.type, evidenceId, evidenceTitle: title, sha256: staged.sha256 } satisfies MarkSentResult;
    });
    return result;
  } catch (err) {
    await discardStaged([staged]);
    throw err;
  }
}
