import {
  EVENT_TYPE_LABELS,
  REQUEST_TYPE_LABELS,
  type CaseEvent,
  type EventType,
  type ExportFile,
  type RequestType,
} from '../../../electron/core/contract/tracking';

import { shortDate } from '../ui/dates';
// Calendar dates come from the one date format (ui/dates.ts), in the user's locale.
export { longDate, shortDate } from '../ui/dates';

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

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** How a request or complaint is named when an event is tied to it: "Access request of 15 May 2026". */
export function threadName(e: Pick<CaseEvent, 'type' | 'on' | 'requestType' | 'authority'>): string {
  if (e.type === 'request_sent') return `${REQUEST_TYPE_LABELS[(e.requestType as RequestType) ?? 'objection'] ?? 'Request'} of ${shortDate(e.on)}`;
  if (e.type === 'complaint_filed') return `Complaint${e.authority ? ` to ${/^[a-z]{2,5}$/.test(e.authority) ? e.authority.toUpperCase() : e.authority}` : ''} of ${shortDate(e.on)}`;
  return `${EVENT_TYPE_LABELS[e.type as EventType] ?? e.type} of ${shortDate(e.on)}`;
}
