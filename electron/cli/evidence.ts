import type { Command } from 'commander';
import type { CliEnv } from './index';

/** The evidence commands of the CLI contract. Owned by the evidence work. */
export function registerEvidenceCommands(_program: Command, _env: CliEnv): void {}
