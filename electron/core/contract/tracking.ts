// Contract of the tracking feature: API name -> zod input schema, and the output types.
// Owned by the tracking work; pure zod, no Node imports (the renderer type-checks against this file).

export const trackingContract = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrackingOutputs {}
