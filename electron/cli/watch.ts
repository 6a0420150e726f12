import type { Command } from 'commander';
import { formatDuration, type WatchCheck, type WatchedDocument } from '../core/contract/watch';
import type { CliEnv } from './index';
import { emit } from './output';

const collect = (value: string, previous: string[]) => [...previous, value];

const day = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : 'never');

const docLine = (d: WatchedDocument) => {
  const sel = [...d.select.map((s) => `select ${s}`), ...d.remove.map((s) => `remove ${s}`)];
  return [
    `${d.id}  every ${formatDuration(d.every).padEnd(4)} ${d.url}`,
    `    last checked ${day(d.lastCheckedAt)}${d.lastOutcome ? ` (${d.lastOutcome})` : ''}, last change ${day(d.lastChangedAt)}, next due ${day(d.dueAt)}${d.enabled ? '' : ', paused'}`,
    ...(sel.length ? [`    ${sel.join('; ')}`] : []),
  ].join('\n');
};

const label: Record<WatchCheck['outcome'], string> = { baseline: 'BASELINE', changed: 'CHANGED', unchanged: 'no change', failed: 'FAILED' };

/** One check as a few readable lines: what happened, then the added (+) and removed (-) sentences. */
export function checkText(c: WatchCheck, withTime = false): string {
  const head = `${label[c.outcome].padEnd(9)} ${withTime ? `${day(c.checkedAt)}  ` : ''}${c.id}  ${c.url}`;
  const lines = [head];
  if (c.failed) lines.push(`    ${c.failed}`);
  if (c.baseline) lines.push('    first check: the text is recorded, later runs compare against it');
  if (c.aiRelated) lines.push('    AI-related: a changed sentence mentions AI, models or training');
  for (const s of c.added) lines.push(`    + ${s}`);
  for (const s of c.removed) lines.push(`    - ${s}`);
  return lines.join('\n');
}

/**
 * `redress watch add|list|remove|log|run`: the policy watch. Only `watch run` contacts the internet (one request per
 * due document, no cookies, an honest user agent).
 */
export function registerWatchCommands(program: Command, env: CliEnv): void {
  const watch = program
    .command('watch')
    .description('watch policy pages for changes (only `watch run` contacts the sites: one request per due page, no cookies)');

  watch
    .command('add')
    .description('watch a page (http or https)')
    .argument('<url>', 'the page to watch')
    .option('--select <css>', 'keep only what this CSS selector matches (repeatable)', collect, [])
    .option('--remove <css>', 'drop what this CSS selector matches before selecting (repeatable)', collect, [])
    .option('--every <duration>', 'how often to check: 6h, 1d, 7d (m, h, d, w); default 1d')
    .option('--json', 'print JSON')
    .action(async (url: string, o) => {
      const d = await env.call('watch.add', { url, select: o.select, remove: o.remove, ...(o.every ? { every: o.every } : {}) });
      emit(env.out(o), d, () => `Watching ${d.url} as ${d.id}, every ${formatDuration(d.every)}. Run \`redress watch run\` to record its first version.`);
    });

  watch
    .command('list')
    .description('list the watched pages, when each was last checked and changed')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const list = await env.call('watch.list', {});
      emit(env.out(o), list, () => (list.length ? list.map(docLine).join('\n') : 'No page is watched. Add one with `redress watch add URL`.'));
    });

  watch
    .command('remove')
    .description('stop watching a page; its recorded versions and checks are deleted')
    .argument('<id>', 'the watched page id (wd_…)')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const r = await env.call('watch.remove', { id });
      emit(env.out(o), r, () => `Removed ${r.id} and its recorded versions.`);
    });

  watch
    .command('log')
    .description('every check, newest first: changes with their sentences, failures with their reason')
    .argument('[id]', 'only this watched page (wd_…)')
    .option('--limit <n>', 'at most this many checks', (v) => Number.parseInt(v, 10))
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, o) => {
      const log = await env.call('watch.log', { ...(id ? { id } : {}), ...(o.limit !== undefined ? { limit: o.limit } : {}) });
      emit(env.out(o), log, () => (log.length ? log.map((c) => checkText(c, true)).join('\n') : 'No check yet. Run `redress watch run`.'));
    });

  watch
    .command('run')
    .description('check every due page once (all of them with --force) and report what changed')
    .option('--force', 'check every page now, due or not')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const results = await env.call('watch.run', { force: Boolean(o.force) });
      emit(env.out(o), results, () => {
        if (!results.length) return 'Nothing is due. `redress watch list` shows when each page is next due; --force checks them all now.';
        const n = (k: WatchCheck['outcome']) => results.filter((r) => r.outcome === k).length;
        const ai = results.filter((r) => r.aiRelated).length;
        const summary = `${results.length} checked: ${n('changed')} changed${ai ? ` (${ai} AI-related)` : ''}, ${n('unchanged')} unchanged, ${n('baseline')} recorded for the first time, ${n('failed')} failed.`;
        return [...results.map((r) => checkText(r)), summary].join('\n');
      });
    });
}
