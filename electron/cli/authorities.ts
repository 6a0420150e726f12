import type { Command } from 'commander';
import type { Authority } from '../core/contract';
import type { CliEnv } from './index';
import { emit } from './output';

const where = (a: Authority) => a.serves.map((s) => s.region ?? s.country).join(', ');

const line = (a: Authority) =>
  `${a.id.padEnd(16)} ${where(a).padEnd(6)} ${a.shortName}: ${a.name.en}${a.unverifiedFields.length ? `  [unconfirmed: ${a.unverifiedFields.join(', ')}]` : ''}`;

/** `redress authorities [--country CC] [--region CODE] [--json]`: the regulators Redress knows, from data/authorities/. */
export function registerAuthorityCommands(program: Command, env: CliEnv): void {
  program
    .command('authorities')
    .description('list the data-protection authorities a member can turn to (home authority per country and German Land)')
    .option('--country <cc>', 'only those serving this country, ISO 3166-1 alpha-2 (GB for the UK)')
    .option('--region <code>', 'only those serving this region, ISO 3166-2 (e.g. DE-BY)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const list = await env.call('authorities.list', {
        ...(o.country ? { country: o.country } : {}),
        ...(o.region ? { region: o.region } : {}),
      });
      emit(env.out(o), list, () => (list.length ? list.map(line).join('\n') : 'No authority serves that country or region.'));
    });
}
