import { ApiCallError } from '../api';
import { i18next } from '../i18n';
import { dateTimeLong } from '../ui/dates';
export { errorText } from '../ui/errors';

/** Display helpers for the evidence screens. */
export const shortHash = (h: string) => h.slice(0, 12);

export function when(iso?: string): string {
  if (!iso) return '—';
  // Metadata dates without a zone (EXIF) are shown as written: they are the device's local time.
  if (!/[zZ]|[+-]\d{2}:\d{2}$/.test(iso)) return i18next.t('evidence:deviceTime', { time: iso.replace('T', ' ') });
  return dateTimeLong(iso);
}

const KINDS = ['capture', 'diff', 'screenshot', 'document', 'correspondence'];
/** An evidence kind in the language shown ("Page capture", "Bildschirmfoto"); an unknown kind as it is. */
export const kindLabel = (kind: string): string => (KINDS.includes(kind) ? i18next.t(`evidence:kind.${kind}`) : kind);

/** The switch states in English, as other screens (watch) still show them; the evidence screens use toggleLabel. */
export const TOGGLE_LABELS = { on: 'ON', off: 'OFF', unknown: 'Unknown' } as const;
/** A switch state in the language shown. */
export const toggleLabel = (state: keyof typeof TOGGLE_LABELS): string => i18next.t(`evidence:toggle.${state}`);

/** The core refused a file as a screenshot that could be kept as a document (it marks the `kind` field). */
export function offersDocument(err: unknown): boolean {
  return err instanceof ApiCallError && Boolean(err.issues?.some((i) => i.path === 'kind'));
}

/** Where "Back to the evidence" puts focus on the case page: the element id of the link the user came from. */
const RETURN_KEY = 'redress.evidence.returnTo';
export const itemLinkId = (id: string) => `evidence-item-${id}`;

export function rememberReturn(caseId: string, evidenceId: string): void {
  try {
    sessionStorage.setItem(RETURN_KEY, JSON.stringify({ caseId, target: itemLinkId(evidenceId) }));
  } catch {
    // storage off: the user lands at the top of the case instead
  }
}

/** The element to focus on this case's evidence list, once; null when the user did not come back from an item. */
export function takeReturn(caseId: string): string | null {
  try {
    const raw = sessionStorage.getItem(RETURN_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { caseId?: string; target?: string };
    if (v.caseId !== caseId) return null;
    sessionStorage.removeItem(RETURN_KEY);
    return typeof v.target === 'string' ? v.target : null;
  } catch {
    return null;
  }
}
