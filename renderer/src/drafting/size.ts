// How big an export is against where it goes: email (about 25 MB) and the recipient's own upload limit.
import type { DraftView, ExportRecord } from '../../../electron/core/contract/drafting';
import { fileSize } from '../ui/dates';

/** What most email services accept for one message, attachments included. */
export const EMAIL_LIMIT = 25 * 1024 * 1024;
const MB = 1024 * 1024;

/** The size limit of the recipient's own upload, where the template knows it (the ICO: 3 MB), and who sets it. */
export function uploadLimit(view: DraftView): { bytes: number | null; who: string } {
  const who = view.recipient.name;
  const mb = view.template.uploadLimitMb;
  return { bytes: mb ? mb * MB : null, who };
}

/** The hint under the size limit: it names the regulator this document goes to, never another one. */
export function budgetHint(view: DraftView): string {
  const { bytes, who } = uploadLimit(view);
  if (bytes) return `Upload limit for ${who}: ${fileSize(bytes)} per file on its online form.`;
  return `Upload limit for ${who}: not known to Redress. Enter the largest file its online form accepts, as the form states; 3 MB fits most forms.`;
}

/** Whether the file is too big for where it is likely to go: email (about 25 MB) or the recipient's upload limit. */
export function sizeWarnings(view: DraftView, r: ExportRecord): string[] {
  if (r.format !== 'pdf') return [];
  const out: string[] = [];
  const { bytes, who } = uploadLimit(view);
  if (r.size > EMAIL_LIMIT) out.push(`At ${fileSize(r.size)} this PDF is over what most email services take (${fileSize(EMAIL_LIMIT)}): keep it as your record and send a smaller copy.`);
  if (r.profile === 'archive' && view.template.formUrl) {
    const limit = bytes ?? 3 * MB;
    if (r.size > limit)
      out.push(
        bytes
          ? `At ${fileSize(r.size)} it is over the upload limit for ${who} (${fileSize(limit)} per file): for the online form, export the upload copy.`
          : `At ${fileSize(r.size)} it may be over the upload limit for ${who} (many forms take about ${fileSize(limit)}): for the online form, export the upload copy.`,
      );
  }
  return out;
}
