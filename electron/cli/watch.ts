import type { Command } from 'commander';
import { formatDuration, parseDuration, type WatchCheck, type WatchedDocument, type WatchPlatformAdded, type WatchStatus } from '../core/contract/watch';
import type { CliEnv } from './index';
import { CliError, emit } from './output';

const collect = (value: string, previous: string[]) => [...previous, value];

const day = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) + ' UTC' : 'never');

const docLine = (d: WatchedDocument) => {
  const sel = [...d.select.map((s) => `select ${s}`), ...d.remove.map((s) => `remove ${s}`)];
  return [
    `${d.id}  every ${formatDuration(d.every).padEnd(4)} ${d.name ? `${d.name}  ` : ''}${d.url}`,
    `    last checked ${day(d.lastCheckedAt)}${d.lastOutcome ? ` (${d.lastOutcome})` : ''}, last change ${day(d.lastChangedAt)}, next due ${day(d.dueAt)}${d.enabled ? '' : ', paused'}${d.checking ? ', being checked by a run now' : ''}`,
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

const NOTHING_WATCHED = 'No page is watched yet: `redress watch add --platform linkedin` adds the policies of a platform, `redress watch add URL` one page.';

function platformAddedText(r: WatchPlatformAdded): string {
  const lines = [`Watching ${r.added.length} policy document${r.added.length === 1 ? '' : 's'} of ${r.platformName}:`];
  for (const d of r.added) lines.push(`  ${d.id}  every ${formatDuration(d.every).padEnd(4)} ${d.name ?? d.url}  ${d.url}`);
  for (const d of r.skipped) lines.push(`  already watched as ${d.id}: ${d.name ?? d.url}`);
  lines.push('Run `redress watch run` to record their first versions.');
  return lines.join('\n');
}

function statusText(st: WatchStatus): string {
  const lines = [
    st.enabled
      ? `The watch is on: the app checks the due pages every ${formatDuration(st.everyHours * 3600)} while it is open; next ${day(st.nextRunAt)}.`
      : 'The watch is off: the app does not check pages on its own (`redress watch on` turns it on; `redress watch run` checks now).',
    st.documents ? `${st.documents} page${st.documents === 1 ? '' : 's'} watched; last run ${day(st.lastRunAt)}.` : NOTHING_WATCHED,
  ];
  if (!st.unseen.length) lines.push('No AI-related change waiting.');
  else {
    lines.push(`${st.unseen.length} AI-related change${st.unseen.length === 1 ? '' : 's'} not yet seen:`);
    for (const c of st.unseen) {
      lines.push(`  ${c.checkId}  ${day(c.checkedAt)}  ${c.name}`);
      for (const a of c.added) lines.push(`      + ${a}`);
      for (const a of c.removed) lines.push(`      - ${a}`);
    }
    lines.push('`redress watch to-case ID --case CASE` adds one to a case; `redress watch seen ID` marks it seen.');
  }
  return lines.join('\n');
}

/**
 * `redress watch add|list|remove|log|run|on|off|status|seen|to-case`: the policy watch. Only `watch run` contacts the internet (one request per
 * due document, no cookies, an honest user agent).
 */
export function registerWatchCommands(program: Command, env: CliEnv): void {
  const watch = program
    .command('watch')
    .description('watch policy pages for changes (only `watch run` contacts the sites: one request per due page, no cookies)');

  watch
    .command('add')
    .description("watch a page (http or https), or with --platform every policy document that platform's file lists")
    .argument('[url]', 'the page to watch')
    .option('--platform <id>', "watch every policy document of this platform (see `redress platforms`), with the file's own selectors")
    .option('--select <css>', 'keep only what this CSS selector matches (repeatable)', collect, [])
    .option('--remove <css>', 'drop what this CSS selector matches before selecting (repeatable)', collect, [])
    .option('--every <duration>', 'how often to check: 6h, 1d, 7d (m, h, d, w); default 1d')
    .option('--json', 'print JSON')
    .action(async (url: string | undefined, o) => {
      const r = await env.call('watch.add', {
        ...(url ? { url } : {}),
        ...(o.platform ? { platform: o.platform } : {}),
        select: o.select,
        remove: o.remove,
        ...(o.every ? { every: o.every } : {}),
      });
      emit(env.out(o), r, () => {
        if ('added' in r) return platformAddedText(r);
        return `Watching ${r.url} as ${r.id}, every ${formatDuration(r.every)}. Run \`redress watch run\` to record its first version.`;
      });
    });

  watch
    .command('on')
    .description('turn the watch on: while the app is open it checks the due pages at start and every few hours')
    .option('--every <duration>', 'how often the app runs the watch, in whole hours: 3h, 6h, 1d (default 6h)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      let everyHours: number | undefined;
      if (o.every !== undefined) {
        const seconds = parseDuration(String(o.every));
        if (seconds === undefined || seconds % 3600 !== 0) throw new CliError('Give --every in whole hours, such as 3h, 6h or 1d.');
        everyHours = seconds / 3600;
      }
      const st = await env.call('watch.settings.set', { enabled: true, ...(everyHours !== undefined ? { everyHours } : {}) });
      const { documents } = await env.call('watch.status', {});
      emit(env.out(o), st, () =>
        [
          `The watch is on: while the app is open it checks the due pages at start and every ${formatDuration(st.everyHours * 3600)}. \`redress watch run\` checks them now.`,
          ...(documents ? [] : [NOTHING_WATCHED]),
        ].join('\n'),
      );
    });

  watch
    .command('off')
    .description('turn the watch off: the app no longer checks pages on its own (`watch run` still does when you ask)')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const st = await env.call('watch.settings.set', { enabled: false });
      emit(env.out(o), st, () => 'The watch is off: the app will not contact any site on its own. `redress watch run` still checks when you ask.');
    });

  watch
    .command('status')
    .description('whether the watch is on, when it last ran and runs next, and AI-related changes not yet seen')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const st = await env.call('watch.status', {});
      emit(env.out(o), st, () => statusText(st));
    });

  watch
    .command('seen')
    .description('mark AI-related changes as seen, so the app stops pointing at them')
    .argument('<checkIds...>', 'the changes (wc_…), as `watch status` lists them')
    .option('--json', 'print JSON')
    .action(async (checkIds: string[], o) => {
      const r = await env.call('watch.markSeen', { checkIds });
      emit(env.out(o), r, () => `Marked ${r.seen} change${r.seen === 1 ? '' : 's'} as seen.`);
    });

  watch
    .command('to-case')
    .description('add a change to a case as evidence: the earlier text, the new text, the sentences that changed, and both raw pages and screenshots')
    .argument('<checkId>', 'the change (wc_…), from `watch log` or `watch status`')
    .option('--case <id>', 'add it to this case')
    .option('--new-case', 'start a new case with it (give --title, --name, --email, --country)')
    .option('--title <title>', 'the new case: its title')
    .option('--name <name>', "the new case: the member's name")
    .option('--email <email>', "the new case: the member's email")
    .option('--country <cc>', 'the new case: country code (ISO 3166-1, GB for the UK)')
    .option('--region <code>', 'the new case: region code where the country needs it (ISO 3166-2, e.g. US-CA)')
    .option('--platform <id>', 'the new case: platform')
    .option('--json', 'print JSON')
    .action(async (checkId: string, o) => {
      if (Boolean(o.case) === Boolean(o.newCase)) throw new CliError('Give either --case ID or --new-case with --title, --name, --email and --country.');
      const newCase = o.newCase
        ? {
            title: o.title,
            name: o.name,
            email: o.email,
            country: o.country,
            ...(o.region ? { region: o.region } : {}),
            ...(o.platform ? { platform: o.platform } : {}),
          }
        : undefined;
      const r = await env.call('watch.toCase', { checkId, ...(o.case ? { caseId: o.case } : {}), ...(newCase ? { newCase } : {}) });
      emit(env.out(o), r, () =>
        [
          r.createdCase ? `Started case ${r.caseId} and added the change to it:` : `Added the change to case ${r.caseId}:`,
          ...r.evidence.map((e) => `  ${e.id}  ${e.title}`),
          `\`redress evidence verify ${r.caseId}\` checks them.`,
        ].join('\n'),
      );
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
      // Pages another run holds at this moment (the app's schedule, a second `watch run`) were left to it: say so
      // rather than "nothing is due", which would read as if they had been looked at.
      const checked = new Set(results.map((r) => r.id));
      const elsewhere = o.json ? [] : (await env.call('watch.list', {})).filter((d) => d.checking && !checked.has(d.id));
      const leftLine = elsewhere.length
        ? `${elsewhere.length === 1 ? '1 page was' : `${elsewhere.length} pages were`} left to another run that is checking ${elsewhere.length === 1 ? 'it' : 'them'} right now (the app's schedule or another \`redress watch run\`); \`redress watch log\` shows what it finds once it is done.`
        : '';
      emit(env.out(o), results, () => {
        if (!results.length) return leftLine || 'Nothing is due. `redress watch list` shows when each page is next due; --force checks them all now.';
        const n = (k: WatchCheck['outcome']) => results.filter((r) => r.outcome === k).length;
        const ai = results.filter((r) => r.aiRelated).length;
        const summary = `${results.length} checked: ${n('changed')} changed${ai ? ` (${ai} AI-related)` : ''}, ${n('unchanged')} unchanged, ${n('baseline')} recorded for the first time, ${n('failed')} failed.`;
        return [...results.map((r) => checkText(r)), summary, ...(leftLine ? [leftLine] : [])].join('\n');
      });
    });
}
