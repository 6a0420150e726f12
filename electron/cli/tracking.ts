import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  CLARIFICATION_KINDS,
  CLARIFICATION_LABELS,
  DEADLINE_LABELS,
  EVENT_TYPE_LABELS,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type CaseEvent,
  type ClarificationKind,
  type DeadlineKind,
  type EventType,
  type RequestType,
} from '../core/contract/tracking';
import type { CliEnv } from './index';
import { CliError, emit } from './output';

const eventLine = (e: CaseEvent) =>
  [
    `${e.id}  ${e.on}  ${EVENT_TYPE_LABELS[e.type as EventType] ?? e.type}`,
    e.requestType ? ` (${REQUEST_TYPE_LABELS[e.requestType as RequestType] ?? e.requestType})` : '',
    e.asks ? ` (${CLARIFICATION_LABELS[e.asks as ClarificationKind] ?? e.asks})` : '',
    e.forEventId ? `  for ${e.forEventId}` : '',
    e.ref ? `  ref ${e.ref}` : '',
    e.authority ? `  (${e.authority})` : '',
  ].join('');

/** Writes an export to FILE; refuses to overwrite unless asked, so a typo cannot destroy another file. */
function writeOut(file: string, content: string, force: boolean) {
  try {
    writeFileSync(file, content, { flag: force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${file} exists already; choose another name or add --force to replace it.`);
    throw new CliError(`Could not write ${file}: ${(err as Error).message}`);
  }
}

/** `event add|list|edit|delete`, `deadlines` (with .ics export) and `export csv`. */
export function registerEventCommands(program: Command, env: CliEnv): void {
  const event = program.command('event').description('record what happened in a case; deadlines follow from it');

  event
    .command('add')
    .description('add an event to a case')
    .argument('<id>', 'the case id')
    .requiredOption('--type <type>', `one of: ${Object.keys(EVENT_TYPE_LABELS).join(', ')}`)
    .requiredOption('--on <date>', 'the date it happened, YYYY-MM-DD')
    .option('--request <kind>', `for a request: ${REQUEST_TYPES.join(', ')} (default objection); each has its own reply date`)
    .option('--for <eventId>', 'for an answer, reminder, extension, acknowledgement or clarification: the request or complaint it belongs to (default: the latest open one before it)')
    .option('--asks <what>', `for a clarification request: ${CLARIFICATION_KINDS.join(' or ')} (default details)`)
    .option('--received-on <date>', 'for a request or complaint: the date it was received (required for post)')
    .option('--channel <channel>', 'for a request, reminder or complaint: webform (default for a request), email or post')
    .option('--authority <authority>', 'for a complaint: ICO, DPC, CNIL, ...')
    .option('--ref <ref>', "a reference such as LinkedIn's case number or an ICO IC-XXXXX-XXXX number")
    .option('--note <text>', 'a note (up to 10,000 characters)')
    .option('--evidence <ids...>', 'ids of evidence items of this case to attach')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const e = await env.core().api.call('tracking.addEvent', {
        caseId: id,
        type: o.type,
        on: o.on,
        requestType: o.request,
        forEventId: o.for,
        asks: o.asks,
        receivedOn: o.receivedOn,
        channel: o.channel,
        authority: o.authority,
        ref: o.ref,
        note: o.note,
        evidenceIds: o.evidence ?? [],
      });
      emit(env.out(o), e, () => `Added ${eventLine(e)}`);
    });

  event
    .command('list')
    .description('list the events of a case in date order')
    .argument('<id>', 'the case id')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const t = await env.core().api.call('tracking.get', { caseId: id });
      emit(env.out(o), t.events, () => (t.events.length ? t.events.map(eventLine).join('\n') : 'No events yet.'));
    });

  event
    .command('delete')
    .description('delete an event (the custody log keeps a record)')
    .argument('<eventId>', 'the event id')
    .option('--yes', 'confirm the deletion')
    .option('--json', 'print JSON')
    .action(async (eventId: string, o) => {
      if (!o.yes) throw new CliError('Deleting an event cannot be undone; add --yes to confirm.', 2);
      const r = await env.core().api.call('tracking.deleteEvent', { id: eventId });
      emit(env.out(o), r, () => `Deleted ${r.id} from ${r.caseId}.`);
    });

  program
    .command('deadlines')
    .description('deadlines due within N days or passed, across all cases; or export them all as .ics')
    .option('--within <days>', 'days ahead to include', '3')
    .option('--ics <file>', 'write every open deadline to an .ics calendar file')
    .option('--case <id>', 'with --ics: only this case')
    .option('--force', 'replace the file if it exists')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const core = env.core();
      if (o.ics) {
        const file = await core.api.call('tracking.exportIcs', o.case ? { caseId: o.case } : {});
        writeOut(o.ics, file.content, Boolean(o.force));
        const count = (file.content.match(/BEGIN:VEVENT/g) ?? []).length;
        return emit(env.out(o), { file: o.ics, deadlines: count }, () => `Wrote ${count} deadline(s) to ${o.ics}.`);
      }
      const within = Number(o.within);
      if (!Number.isInteger(within) || within < 0 || within > 60) throw new CliError('--within must be a whole number of days from 0 to 60.', 2);
      const list = await core.api.call('tracking.reminders', { withinDays: within, limit: 10_000 });
      emit(env.out(o), list, () =>
        list.items.length
          ? list.items
              .map((r) => `${r.due}  ${r.daysLeft < 0 ? `${-r.daysLeft} day(s) late` : `in ${r.daysLeft} day(s)`}  ${r.label || DEADLINE_LABELS[r.kind as DeadlineKind]}  ${r.title} (${r.caseId})`)
              .join('\n')
          : `Nothing due within ${within} day(s).`,
      );
    });

  program
    .command('export')
    .description('export data')
    .command('csv')
    .description('write the case list as CSV')
    .requiredOption('--out <file>', 'the CSV file to write')
    .option('--status <status>', 'only cases with this status')
    .option('--country <cc>', 'only cases in this country')
    .option('--search <text>', 'only cases whose title, name or reference contains this')
    .option('--force', 'replace the file if it exists')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const file = await env.core().api.call('tracking.exportCsv', { status: o.status, country: o.country, q: o.search });
      writeOut(o.out, file.content, Boolean(o.force));
      const rows = file.content.trimEnd().split('\r\n').length - 1;
      emit(env.out(o), { file: o.out, rows }, () => `Wrote ${rows} case(s) to ${o.out}.`);
    });
}
