// Contract of the evidence feature: API name -> zod input schema, and the output types.
// Owned by the evidence work; pure zod, no Node imports (the renderer type-checks against this file).

export const evidenceContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EvidenceOutputs {}
