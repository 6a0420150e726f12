import type { Command } from 'commander';
import type { CliEnv } from './index';

/** The tracking commands of the CLI contract. Owned by the tracking work. */
export function registerEventCommands(_program: Command, _env: CliEnv): void {}
