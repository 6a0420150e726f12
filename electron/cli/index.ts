import { Command, CommanderError } from 'commander';
import { createCore, APP_VERSION, type Core } from '../core';
import { fromZod } from '../core/api/registry';
import { contract, type ApiInput, type ApiName, type ApiOutput } from '../core/contract';
import { createChromiumCapturer } from '../core/capture/chromium';
import { defaultDataDir } from '../core/paths';
import { registerAuthorityCommands } from './authorities';
import { registerCaseCommands } from './cases';
import { registerDraftCommands } from './drafting';
import { registerEvidenceCommands } from './evidence';
import { CliError, errorText, type Out } from './output';
import { registerPlatformCommands } from './platforms';
import { showCase } from './show';
import { registerEventCommands } from './tracking';
import { registerWatchCommands } from './watch';
import { registerSwitchCommands } from './switches';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface CliEnv {
  /** Opens the data folder on first use (so `templates` and `--help` never create one). */
  core(): Core;
  out(opts: { json?: boolean }): Out;
  /** Validates against the contract before the data folder is even opened, then calls the API. */
  call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>>;
  showCase(id: string): Promise<Record<string, unknown>>;
}

/** Runs the CLI; returns the exit code. No process.exit inside, so tests can call it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let core: Core | undefined;
  const program = new Command('redress')
    .description('Redress: evidence, objections and complaints about AI training on your data')
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'data folder (default: REDRESS_DATA_DIR or the OS app-data folder)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  const env: CliEnv = {
    core() {
      if (!core) {
        const dataDir = program.opts().dataDir ?? defaultDataDir(io.env ?? process.env);
        core = createCore({ dataDir, host: 'cli', capturer: createChromiumCapturer() });
      }
      return core;
    },
    async call(name, input) {
      const parsed = contract[name].safeParse(input);
      if (!parsed.success) throw fromZod(parsed.error);
      return env.core().api.call(name, input);
    },
    out: (o) => ({ json: Boolean(o.json), stdout: io.stdout, stderr: io.stderr }),
    showCase: (id) => showCase(env.core(), id),
  };

  registerCaseCommands(program, env);
  registerEventCommands(program, env);
  registerEvidenceCommands(program, env);
  registerDraftCommands(program, env);
  registerAuthorityCommands(program, env);
  registerPlatformCommands(program, env);
  registerWatchCommands(program, env);
  registerSwitchCommands(program, env);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr(`redress: ${errorText(err)}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  } finally {
    await core?.ctx.capturer?.close();
    core?.close();
  }
}
