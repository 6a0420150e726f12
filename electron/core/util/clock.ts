/** Injected so tests can fix "now"; RFC 3339 UTC with milliseconds. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const isoNow = (clock: Clock) => clock.now().toISOString();
