import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { withParams } from './errors';

/**
 * zodResolver, keeping what a shared schema's check says about the value: its message is a key of the core catalog
 * and some checks give parameters (an impossible date, a region of another country, an invisible character). React Hook
 * Form keeps only a message text, so the parameters travel inside it (`withParams`) and `Field` words both.
 */
export function catalogResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  const inner = zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  return async (values, context, options) => {
    const result = await inner(values, context, options);
    if (!result.errors || Object.keys(result.errors).length === 0) return result;
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return result;
    for (const issue of parsed.error.issues) {
      const params = (issue as { params?: Record<string, unknown> }).params;
      if (!params) continue;
      let at: FieldErrors | undefined = result.errors as FieldErrors;
      for (const part of issue.path.slice(0, -1)) at = at?.[String(part)] as FieldErrors | undefined;
      const leaf = at?.[String(issue.path[issue.path.length - 1])] as { message?: string } | undefined;
      if (leaf && leaf.message === issue.message) leaf.message = withParams(issue.message, params);
    }
    return result;
  };
}
