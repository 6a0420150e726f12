// The one typed contract shared by every host and the renderer: API name -> zod input schema (+ output type).
// Each feature owns one file here; this index only merges them. Nothing in this folder may import Node.
import type { z } from 'zod';
import type { MsgParams } from './i18n';
import { casesContract, type CasesOutputs } from './cases-api';
import { evidenceContract, type EvidenceOutputs } from './evidence';
import { trackingContract, type TrackingOutputs } from './tracking';
import { draftingContract, type DraftingOutputs } from './drafting';
import { authoritiesContract, type AuthoritiesOutputs } from './authorities-api';
import { watchContract, type WatchOutputs } from './watch';
import { platformsContract, type PlatformsOutputs } from './platforms-api';
import { preferencesContract, type PreferencesOutputs } from './preferences';

export const contract = {
  ...casesContract,
  ...evidenceContract,
  ...trackingContract,
  ...draftingContract,
  ...authoritiesContract,
  ...watchContract,
  ...platformsContract,
  ...preferencesContract,
} as const;

export type Contract = typeof contract;
export type ApiName = keyof Contract & string;
export type ApiInput<K extends ApiName> = z.input<Contract[K]>;
export type ApiParsed<K extends ApiName> = z.output<Contract[K]>;
export type Outputs = CasesOutputs & EvidenceOutputs & TrackingOutputs & DraftingOutputs & AuthoritiesOutputs & PlatformsOutputs & WatchOutputs & PreferencesOutputs;
export type ApiOutput<K extends ApiName> = K extends keyof Outputs ? Outputs[K] : unknown;

export type ApiErrorCode = 'invalid_input' | 'not_found' | 'unknown_api' | 'conflict' | 'too_large' | 'failed' | 'internal';
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Each field's issue: `message` in English; `key` and `params` when the schema's message is a core key. */
  issues?: { path: string; message: string; key?: string; params?: MsgParams }[];
  /** Technical facts kept out of the message (an engine's error code); a host may show them folded away. */
  detail?: Record<string, string>;
  /** The message by reference (contract/messages), for a host to word it in the member's language; `message` is English. */
  key?: string;
  params?: MsgParams;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export * from './cases';
export * from './countries';
export * from './regions';
export * from './jurisdiction';
export * from './authorities';
export * from './platforms';
export * from './i18n';
export * from './preferences';
