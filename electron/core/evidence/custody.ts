import type { CoreContext } from '../context';

/**
 * Appends one entry to the case's hash-chained custody log. Every feature calls this for what it does to a case
 * (evidence add/capture/verify/delete, an export, an event edited or deleted). Owned by the evidence work; keep the
 * signature.
 */
export function appendCustody(_ctx: CoreContext, _caseId: string, _action: string, _detail: Record<string, unknown> = {}): void {}
