import type { Command } from 'commander';
import { ApiError } from '../core/api/errors';
import { IMPORT_KINDS, IMPORT_NOT_AN_IMAGE, type ImportKind } from '../core/contract/evidence';
import { diffAsText } from '../core/evidence/policy-text';
import { diffHeader } from '../core/evidence/diff';
import type { CliEnv } from './index';
import { CliError, emit } from './output';

const short = (h: string) => h.slice(0, 12);

/** The evidence commands of the CLI contract (ARCHITECTURE.md). */
export function registerEvidenceCommands(program: Command, env: CliEnv): void {
  const ev = program.command('evidence').description('add, capture, verify and compare evidence');

  ev.command('add')
    .description('import files into a case (type sniffed from the content; images checked to decode)')
    .argument('<id>', 'the case id')
    .argument('<files...>', 'files to import (each up to 512 MB)')
    .option('--kind <kind>', `one of: ${IMPORT_KINDS.join(', ')} (default: from the content)`)
    .option('--json', 'print JSON')
    .action(async (id: string, files: string[], o) => {
      if (o.kind && !IMPORT_KINDS.includes(o.kind)) throw new CliError(`--kind must be one of: ${IMPORT_KINDS.join(', ')}.`);
      let added;
      try {
        added = await env.core().api.call('evidence.add', { caseId: id, paths: files, kind: o.kind as ImportKind | undefined });
      } catch (err) {
        // The core says "import it as a document"; here that is a flag.
        if (err instanceof ApiError && err.detail?.reason === IMPORT_NOT_AN_IMAGE) {
          throw new CliError(`${err.message} To do so, run the same command with --kind document.`);
        }
        throw err;
      }
      emit(env.out(o), added, () => added.map((a) => `${a.id}  ${a.kind.padEnd(14)} ${a.mime.padEnd(22)} ${short(a.sha256)}  ${a.filename}`).join('\n'));
    });

  ev.command('capture')
    .description('capture a page: full-page screenshot, MHTML, DOM, readable text, and the AI-training switch state')
    .argument('<id>', 'the case id')
    .argument('<url>', 'an http(s) address')
    .option('--page', 'a policy or other page (default: decided from the URL)')
    .option('--setting', 'the AI-training settings page: wait for the switch and read it')
    .option('--json', 'print JSON')
    .action(async (id: string, url: string, o) => {
      const purpose = o.setting ? 'setting' : o.page ? 'page' : /data-for-ai-improvement|settings/i.test(url) ? 'setting' : 'page';
      let r;
      try {
        r = await env.core().api.call('evidence.capture', { caseId: id, url, purpose });
      } catch (err) {
        // The core's sentence is for people; a terminal user may also want the engine's code to search for.
        const code = err instanceof ApiError ? (err.detail?.netError ?? (err.detail?.httpStatus ? `HTTP ${err.detail.httpStatus}` : undefined)) : undefined;
        if (code) throw new CliError(`${err instanceof Error ? err.message : String(err)} (${code})`);
        throw err;
      }
      emit(env.out(o), r, () =>
        [
          `Captured ${r.id}: ${r.title || r.finalUrl}`,
          `  ${r.finalUrl} at ${r.capturedAt}`,
          `  AI-training switch: ${r.toggle.state} (${r.toggle.method}${r.toggle.selector ? `, ${r.toggle.selector}` : ''})`,
          ...r.artifacts.map((a) => `  ${a.kind.padEnd(10)} ${a.sha256}`),
        ].join('\n'),
      );
    });

  ev.command('verify')
    .description('re-hash every stored file of a case and check its custody log; exit 1 unless all is ok')
    .argument('<id>', 'the case id')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const r = await env.core().api.call('evidence.verify', { caseId: id });
      const out = env.out(o);
      const anchorNote: Record<string, string> = {
        match: 'matches the copy kept beside the database',
        lagging: 'the copy beside the database is a few entries behind (a write was in progress)',
        missing: 'no copy beside the database yet (one is written now); compare with a head you noted earlier',
        none: 'no copy for this case beside the database yet (one is written now)',
        unreadable: 'the copy beside the database cannot be read',
        truncated: 'entries were cut from its end',
        rewritten: 'the log was rewritten',
      };
      emit(out, { ok: r.ok, items: r.items.map((i) => ({ id: i.id, status: i.status, ...(i.problems ? { problems: i.problems } : {}) })), custody: r.custody }, () =>
        [
          ...r.items.map((i) => `${i.status.padEnd(9)} ${i.id}  ${i.title ?? ''}${i.problems ? `  (${i.problems.join('; ')})` : ''}`),
          `custody log: ${r.custody.ok ? `ok (${r.custody.entries} entries)` : `BROKEN: ${r.custody.problem}`}`,
          ...(r.custody.anchor ? [`anchored head: ${anchorNote[r.custody.anchor.status] ?? r.custody.anchor.status}`] : []),
          ...(r.custody.head ? [`Custody log head: entry ${r.custody.head.seq}, SHA-256 ${r.custody.head.hash} (note it; a later verify must still contain it)`] : []),
          r.ok ? 'All evidence verified.' : 'Verification FAILED.',
        ].join('\n'),
      );
      if (!r.ok) {
        const count = (s: string) => r.items.filter((i) => i.status === s).length;
        throw new CliError(
          `verification failed: ${count('modified')} modified, ${count('missing')} missing, custody log ${r.custody.ok ? 'ok' : 'broken'}. ` +
            'Restore the affected files from a backup, or keep this result as a record of the damage.',
        );
      }
    });

  ev.command('diff')
    .description('compare the readable text of two captures of a policy')
    .argument('<a>', 'evidence id of one capture')
    .argument('<b>', 'evidence id of the other capture')
    .option('--json', 'print JSON')
    .action(async (a: string, b: string, o) => {
      const d = await env.core().api.call('evidence.diff', { from: a, to: b });
      emit(env.out(o), d, () => diffAsText(diffHeader(d), d.changes).trimEnd());
    });
}
