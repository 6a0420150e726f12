// What every form that creates or edits a case shares (New case, Edit case, a case started from a watch change): the
// region asked where the country needs one, a region that follows the country, and focus on the new case's heading.
import { useEffect } from 'react';
import type { z } from 'zod';
import { CaseCreateInput, needsRegion } from '../../../electron/core/contract';
import { i18next } from '../i18n';

/** Where the country needs a region (DE: the Land's authority; US: the state's law), the form asks for it and says why. */
export function askRegion(v: { country?: string; region?: string | null }, ctx: z.RefinementCtx): void {
  if (v.country && needsRegion(v.country) && !v.region) {
    ctx.addIssue({
      code: 'custom',
      path: ['region'],
      // Worded when the form checks, so in the language shown then.
      message: i18next.t(v.country === 'DE' ? 'cases:form.regionNeededDE' : 'cases:form.regionNeeded'),
    });
  }
}

/** The API's schema for a new case, plus the region the form asks for (the CLI may leave it out and set it later). */
export const NewCaseSchema = CaseCreateInput.superRefine(askRegion);
export type NewCaseIn = z.input<typeof NewCaseSchema>;
export type NewCaseOut = z.output<typeof NewCaseSchema>;

/** A state belongs to one country: choosing another country clears it. */
export function useRegionFollowsCountry(country: string | undefined, region: string | null | undefined, clear: () => void): void {
  useEffect(() => {
    if (region && !region.startsWith(`${country ?? ''}-`)) clear();
  }, [country, region, clear]);
}

/**
 * After a case is created the page changes under the user: move focus to the new case page's heading once it is shown
 * (it loads first), so keyboard and screen-reader users start there instead of at the top of the document. Gives up
 * after a few seconds, or at once if the user has gone to another page meanwhile.
 */
export function focusCaseHeading(route: string, timeoutMs = 5000): void {
  const started = performance.now();
  const tick = () => {
    if (window.location.hash !== route) return;
    const heading = document.getElementById('case-title');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
