import { z } from 'zod';
import type { ApiErrorBody, ApiName, ApiOutput, ApiParsed, ApiResult, Contract } from '../contract';
import { isMessageKey, say } from '../i18n';
import { ApiError, apiError, issueParams, wordIssue } from './errors';

type Handler<K extends ApiName> = (input: ApiParsed<K>) => ApiOutput<K> | Promise<ApiOutput<K>>;

/**
 * Name -> zod schema -> handler. Every host (Electron IPC, HTTP, CLI) calls `invoke`, so the same schema stops bad
 * input whichever door it came through. A duplicate registration throws; an unknown name is a typed error.
 */
export class ApiRegistry {
  private readonly handlers = new Map<string, { schema: z.ZodType; handler: (input: unknown) => unknown }>();

  constructor(private readonly contract: Contract) {}

  register<K extends ApiName>(name: K, handler: Handler<K>): void {
    if (this.handlers.has(name)) throw new Error(`API "${name}" is registered twice.`);
    const schema = this.contract[name] as unknown as z.ZodType | undefined;
    if (!schema) throw new Error(`API "${name}" has no schema in the contract.`);
    this.handlers.set(name, { schema, handler: handler as (input: unknown) => unknown });
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }

  /** Validates and runs; never throws. */
  async invoke<K extends ApiName>(name: K | string, raw: unknown): Promise<ApiResult<ApiOutput<K>>> {
    try {
      return { ok: true, value: (await this.call(name, raw)) as ApiOutput<K> };
    } catch (err) {
      return { ok: false, error: toErrorBody(err) };
    }
  }

  /** Validates and runs; throws ApiError. For the CLI and tests. */
  async call<K extends ApiName>(name: K | string, raw: unknown): Promise<ApiOutput<K>> {
    const entry = typeof name === 'string' ? this.handlers.get(name) : undefined;
    if (!entry) throw apiError('unknown_api', 'errors.unknownApi', { name: String(name) });
    const parsed = entry.schema.safeParse(raw ?? undefined);
    if (!parsed.success) throw fromZod(parsed.error);
    return (await entry.handler(parsed.data)) as ApiOutput<K>;
  }
}

export function fromZod(error: z.ZodError): ApiError {
  // A schema's own message may be a key of the core catalog ("validation.…"): worded in English here, the key kept for
  // the renderer, which words the same issue in the member's language.
  const issues = error.issues.map((i) => {
    const params = issueParams(i as { params?: Record<string, unknown> });
    return {
      path: i.path.join('.'),
      message: wordIssue(i as { message: string; params?: Record<string, unknown> }),
      ...(isMessageKey(i.message) ? { key: i.message, ...(params ? { params } : {}) } : {}),
    };
  });
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
  return new ApiError('invalid_input', message, issues);
}

export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof ApiError)
    return {
      code: err.code,
      message: err.message,
      ...(err.issues ? { issues: err.issues } : {}),
      ...(err.detail ? { detail: err.detail } : {}),
      ...(err.key ? { key: err.key } : {}),
      ...(err.params ? { params: err.params } : {}),
    };
  if (err instanceof z.ZodError) return toErrorBody(fromZod(err));
  // Unexpected errors keep their message (the user is local and needs to act on it) but not their stack.
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: say('errors.unexpected', { message }), key: 'errors.unexpected', params: { message } };
}
