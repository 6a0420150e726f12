// How big an export is against where it goes: email (about 25 MB) and the recipient's own upload limit.
import type { DraftView, ExportRecord } from '../../../electron/core/contract/drafting';
import { i18next } from '../i18n';
import { fileSize } from '../ui/dates';

/** What most email services accept for one message, attachments included. */
export const EMAIL_LIMIT = 25 * 1024 * 1024;
const MB = 1024 * 1024;
/** What most online forms take when the recipient states no limit. */
const USUAL_LIMIT = 3 * MB;

const say = (key: string, params: Record<string, unknown>) => i18next.t(`drafting:size.${key}`, params);

/** The size limit of the recipient's own upload, where the template knows it (the ICO: 3 MB), and who sets it. */
export function uploadLimit(view: DraftView): { bytes: number | null; who: string } {
  const who = view.recipient.name;
  const mb = view.template.uploadLimitMb;
  return { bytes: mb ? mb * MB : null, who };
}

/** The hint under the size limit: it names the regulator this document goes to, never another one. */
export function budgetHint(view: DraftView): string {
  const { bytes, who } = uploadLimit(view);
  if (bytes) return say('hintKnown', { who, limit: fileSize(bytes) });
  return say('hintUnknown', { who, usual: fileSize(USUAL_LIMIT) });
}

/** Whether the file is too big for where it is likely to go: email (about 25 MB) or the recipient's upload limit. */
export function sizeWarnings(view: DraftView, r: ExportRecord): string[] {
  if (r.format !== 'pdf') return [];
  const out: string[] = [];
  const { bytes, who } = uploadLimit(view);
  if (r.size > EMAIL_LIMIT) out.push(say('email', { size: fileSize(r.size), limit: fileSize(EMAIL_LIMIT) }));
  if (r.profile === 'archive' && view.template.formUrl) {
    const limit = bytes ?? USUAL_LIMIT;
    if (r.size > limit) out.push(say(bytes ? 'overUpload' : 'mayBeOverUpload', { size: fileSize(r.size), who, limit: fileSize(limit) }));
  }
  return out;
}
