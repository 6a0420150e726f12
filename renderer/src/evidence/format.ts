/** Display helpers for the evidence screens. */
export const shortHash = (h: string) => h.slice(0, 12);

export function when(iso?: string): string {
  if (!iso) return '—';
  // Metadata dates without a zone (EXIF) are shown as written: they are the device's local time.
  if (!/[zZ]|[+-]\d{2}:\d{2}$/.test(iso)) return `${iso.replace('T', ' ')} (device time)`;
  return new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'medium' }) + ' UTC';
}

export const KIND_LABELS: Record<string, string> = {
  capture: 'Page capture',
  diff: 'Policy diff',
  screenshot: 'Screenshot',
  document: 'Document',
  correspondence: 'Correspondence',
};

export const TOGGLE_LABELS = { on: 'ON', off: 'OFF', unknown: 'Unknown' } as const;

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
