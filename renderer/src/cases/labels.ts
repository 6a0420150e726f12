// Labels the cases screens give the core's enums (a case's status, a deadline's kind, a row's urgency), from the
// `cases` catalog in the language shown. The contract's English label maps stay for the CLI and exports.
import type { CaseStatus } from '../../../electron/core/contract';
import type { DashboardRow, DeadlineKind } from '../../../electron/core/contract/tracking';
import { currentLocale, i18next } from '../i18n';

export const statusLabel = (s: CaseStatus): string => i18next.t(`cases:status.${s}`);
/** A deadline kind's label, naming the case's platform where it names one ("X should acknowledge your complaint"). */
export const deadlineLabel = (k: DeadlineKind, platform: string): string => i18next.t(`cases:deadline.${k}`, { platform });
/** "Overdue", "This week"; nothing for later or no deadline. */
export const urgencyLabel = (u: DashboardRow['urgency']): string => (u === 'overdue' || u === 'week' ? i18next.t(`cases:urgency.${u}`) : '');

const languageNamers = new Map<string, Intl.DisplayNames>();
/** A language's name in the language shown ("German", "Deutsch", "allemand"), from Intl; the code where Intl has none. */
export function languageLabel(code: string): string {
  const locale = currentLocale();
  let n = languageNamers.get(locale);
  if (!n) languageNamers.set(locale, (n = new Intl.DisplayNames([locale], { type: 'language' })));
  try {
    return n.of(code) ?? code;
  } catch {
    return code;
  }
}
