import type { Command } from 'commander';
import type { CliEnv } from './index';

/** The drafting commands of the CLI contract. Owned by the drafting work. */
export function registerDraftCommands(_program: Command, _env: CliEnv): void {}
