import type { CaseEvent, ExportFile } from '../../../electron/core/contract/tracking';
import { i18next } from '../i18n';
import { shortDate } from '../ui/dates';
// Calendar dates come from the one date format (ui/dates.ts), in the user's locale.
export { longDate, shortDate } from '../ui/dates';
export { errorText, msgText } from '../ui/errors';

/** Tells the reminder banner (and anything else listening) that events changed. */
export const TRACKING_CHANGED = 'redress:tracking-changed';
export const announceChange = () => window.dispatchEvent(new Event(TRACKING_CHANGED));

/** Saves an export through the browser's own download (works in Electron and the browser host; no file paths). */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A label the core's catalog holds (`tracking.eventType.request_sent`, `cases.status.closed`): the same word the CLI
 * and the core's own sentences use, in the language shown; the value itself when the catalog has none.
 */
const word = (group: string, value: string | null | undefined, params?: Record<string, string>): string => {
  if (!value) return '';
  const key = `${group}.${value}`;
  return i18next.exists(key, { ns: 'core' }) ? i18next.t(key, { ns: 'core', ...params }) : value;
};
export const eventTypeLabel = (type: string) => word('tracking.eventType', type);
/** What an event type means, naming the case's platform ("You sent X a request …"). */
export const eventTypeHelp = (type: string, platform: string) => word('tracking.eventHelp', type, { platform });
export const requestTypeLabel = (type: string | null | undefined) => word('tracking.requestType', type ?? 'objection');
export const channelLabel = (channel: string) => word('tracking.channel', channel);
export const clarificationLabel = (kind: string) => word('tracking.clarification', kind);
/** A deadline kind's label, naming the case's platform where it names one ("X should acknowledge your complaint"). */
export const deadlineLabel = (kind: string, platform: string) => word('tracking.deadline', kind, { platform });
export const statusLabel = (status: string) => word('cases.status', status);

/** How a request or complaint is named when an event is tied to it: "Access request of 15 May 2026". */
export function threadName(e: Pick<CaseEvent, 'type' | 'on' | 'requestType' | 'authority'>): string {
  const on = shortDate(e.on);
  if (e.type === 'request_sent') return i18next.t('tracking:thread.request', { request: requestTypeLabel(e.requestType), on });
  if (e.type === 'complaint_filed') {
    if (!e.authority) return i18next.t('tracking:thread.complaint', { on });
    const authority = /^[a-z]{2,5}$/.test(e.authority) ? e.authority.toUpperCase() : e.authority;
    return i18next.t('tracking:thread.complaintTo', { authority, on });
  }
  return i18next.t('tracking:thread.other', { type: eventTypeLabel(e.type), on });
}
