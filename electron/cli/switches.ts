import type { Command } from 'commander';
import { SWITCH_RECAPTURE_DAYS } from '../core/contract/watch';
import type { CliEnv } from './index';
import { emit } from './output';

/** `redress switches`: the last captured state of each platform's AI-training switch, and which are due a new capture. */
export function registerSwitchCommands(program: Command, env: CliEnv): void {
  program
    .command('switches')
    .description(`check my switches: the last captured AI-training switch of each platform your cases are about (capture again after ${SWITCH_RECAPTURE_DAYS} days)`)
    .option('--json', 'print JSON')
    .action(async (o) => {
      const list = await env.call('switches.status', {});
      emit(env.out(o), list, () => {
        if (!list.length) return 'No case yet, so no switch to check. Start one with `redress case create`.';
        const lines = list.map((s) => {
          const cases = `case${s.caseIds.length === 1 ? '' : 's'} ${s.caseIds.join(', ')}`;
          if (!s.last) return `${s.platformName}: no switch captured yet: capture it (${cases}).`;
          const how = s.last.confirmedBy === 'hand' ? ', confirmed by hand' : '';
          const when = `${s.last.capturedAt.slice(0, 10)} (${s.daysSince} day${s.daysSince === 1 ? '' : 's'} ago)`;
          return `${s.platformName}: ${s.last.state.toUpperCase()} on ${when}${how}, ${s.last.evidenceId} in ${s.last.caseId}${s.due ? `: DUE, capture it again (platforms turn switches back on)` : ''}.`;
        });
        const due = list.filter((s) => s.due).length;
        lines.push(due ? `${due} of ${list.length} due: \`redress evidence capture CASE URL\` records the switch again.` : 'Nothing due.');
        return lines.join('\n');
      });
    });
}
