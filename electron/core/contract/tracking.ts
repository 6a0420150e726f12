// Contract of the tracking feature: API name -> zod input schema, and the output types.
// Owned by the tracking work; pure zod, no Node imports (the renderer type-checks against this file).

export const trackingContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrackingOutputs {}

/** An event of a case, as other features (drafting's timeline) read it. The tracking work may add fields. */
export interface CaseEventSummary {
  id: string;
  caseId: string;
  type: string;
  /** The date it happened, YYYY-MM-DD. */
  on: string;
  receivedOn?: string | null;
  channel?: string | null;
  authority?: string | null;
  ref?: string | null;
  note?: string | null;
}

/** A computed deadline (never stored): when, by which rule, and where the rule comes from. */
export interface DeadlineSummary {
  kind: string;
  due: string;
  rule: string;
  source: string;
}
