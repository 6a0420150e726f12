import { ApiError } from '../core/api/errors';

/** A failure the CLI reports on stderr with a non-zero exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface Out {
  json: boolean;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** `--json` prints exactly one JSON value on stdout; otherwise a human-readable text. */
export function emit(out: Out, value: unknown, human: () => string): void {
  out.stdout(out.json ? JSON.stringify(value, null, 2) + '\n' : human() + '\n');
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError || err instanceof CliError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
