// Contract of the drafting feature: API name -> zod input schema, and the output types.
// Owned by the drafting work; pure zod, no Node imports (the renderer type-checks against this file).

export const draftingContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DraftingOutputs {}
