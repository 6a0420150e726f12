import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ApiRegistry, fromZod } from '../core/api/registry';
import type { CoreContext } from '../core/context';
import { contract, PLATFORMS } from '../core/contract';
import { DRAFT_FORMATS, draftingContract, PDF_PROFILES } from '../core/contract/drafting';
import { registerDrafting } from '../core/drafting/api';
import { CHANNELS } from '../core/contract/tracking';
import { loadTemplates } from '../core/drafting/templates';
import { resolveFile } from '../core/files';
import type { CliEnv } from './index';
import { CliError, emit } from './output';

const collect = (v: string, prev: string[]) => [...prev, v];

/**
 * The drafting API on a registry of its own, for `templates`: the very handler and schema the app calls, without
 * opening (or creating) a data folder, which listing templates does not need. Only `drafting.templates` is called on
 * it, and that handler reads no context.
 */
function templatesApi(): ApiRegistry {
  const api = new ApiRegistry(contract);
  registerDrafting(api, {} as CoreContext);
  return api;
}

/** `--set name=value` (repeatable) and `--values file.json` become the draft's field values. */
function readValues(o: { set: string[]; values?: string }): Record<string, string> | undefined {
  let values: Record<string, string> | undefined;
  if (o.values) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(o.values, 'utf8'));
    } catch (err) {
      throw new CliError(`Could not read --values ${o.values}: ${(err as Error).message}`, 2);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.values(raw).some((v) => typeof v !== 'string')) {
      throw new CliError(`--values ${o.values} must hold one JSON object of field name -> text.`, 2);
    }
    values = { ...(raw as Record<string, string>) };
  }
  for (const pair of o.set) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new CliError(`--set takes name=value (got "${pair}").`, 2);
    values = { ...(values ?? {}), [pair.slice(0, eq)]: pair.slice(eq + 1) };
  }
  return values;
}

export function registerDraftCommands(program: Command, env: CliEnv): void {
  program
    .command('templates')
    .description('list the document templates (as a case about --platform, in --country, sees them)')
    .option('--platform <id>', `the case's platform, whose name the titles then use: ${PLATFORMS.join(', ')} (default: linkedin)`)
    .option('--country <code>', "the member's country (ISO code, e.g. DE): says whether each template applies there")
    .option('--json', 'print JSON')
    .action(async (o) => {
      const input = {
        ...(o.platform !== undefined ? { platform: String(o.platform).trim().toLowerCase() } : {}),
        ...(o.country !== undefined ? { country: String(o.country).trim() } : {}),
      };
      if (input.platform !== undefined && !(PLATFORMS as readonly string[]).includes(input.platform)) {
        throw new CliError(`Unknown platform "${o.platform}" for --platform. Known platforms: ${PLATFORMS.join(', ')}.`, 2);
      }
      if (input.country !== undefined && !/^[A-Za-z]{2}$/.test(input.country)) {
        throw new CliError(`--country takes a two-letter country code such as DE or GB (got "${o.country}").`, 2);
      }
      // Checked by the API's own schema before anything runs: a bad id is an input error (exit 2), nothing on stdout.
      const parsed = draftingContract['drafting.templates'].safeParse(input);
      if (!parsed.success) {
        throw new CliError(fromZod(parsed.error).issues!.map((i) => `--${i.path}: ${i.message}`).join('\n'), 2);
      }
      const list = (await templatesApi().call('drafting.templates', input)).map((t) => ({
        id: t.id,
        title: t.title,
        recipient: t.recipient,
        countries: t.countries,
        ...(t.availability ? { availability: t.availability } : {}),
      }));
      const langs = new Map(loadTemplates().map(({ manifest: m }) => [m.id, m.languages.join(',')]));
      const where = (t: (typeof list)[number]) => (t.availability ? (t.availability.available ? '' : `  (not available: ${t.availability.reason ?? 'not for this country'})`) : '');
      emit(env.out(o), list, () => list.map((t) => `${t.id.padEnd(26)} ${t.countries.join(',').padEnd(14)} ${(langs.get(t.id) ?? '').padEnd(9)} ${t.title}${where(t)}`).join('\n'));
    });

  program
    .command('draft')
    .description('draft a document for a case and write it to a file (text, eml, json: form fields, pdf: with the evidence appendix)')
    .argument('<id>', 'the case id')
    .requiredOption('--template <id>', 'the template (see `redress templates`)')
    .requiredOption('--format <format>', `one of: ${DRAFT_FORMATS.join(', ')}`)
    .option('--out <file>', 'where to write it (text and json print to stdout without it)')
    .option('--profile <profile>', `PDF profile: ${PDF_PROFILES.join(' or ')}`, 'archive')
    .option('--budget <bytes>', 'upload profile: size budget in bytes (default 3 MB)')
    .option('--set <name=value>', 'set a field (repeatable); saved as the draft once the export succeeds', collect, [])
    .option('--values <file.json>', 'field values from a JSON object')
    .option('--lang <code>', "the letter's language (e.g. en, de, fr; see `redress templates`); default: the draft's, else the one the recipient expects")
    .option('--anyway', 'draft it although the record does not support it yet (e.g. a reminder before the reply is due); the text is worded from the record as it stands')
    .option('--json', 'print the export record as JSON')
    .action(async (id: string, o) => {
      if (!(DRAFT_FORMATS as readonly string[]).includes(o.format)) throw new CliError(`--format must be one of: ${DRAFT_FORMATS.join(', ')}.`, 2);
      if (!(PDF_PROFILES as readonly string[]).includes(o.profile)) throw new CliError(`--profile must be archive or upload.`, 2);
      if (!o.out && (o.format === 'pdf' || o.format === 'eml')) throw new CliError(`--out FILE is required for --format ${o.format}.`, 2);
      const budget = o.budget === undefined ? undefined : Number(o.budget);
      if (budget !== undefined && !Number.isInteger(budget)) throw new CliError('--budget is a whole number of bytes, e.g. 3145728.', 2);
      const out = o.out ? resolve(o.out) : undefined;
      if (out) {
        if (!existsSync(dirname(out))) throw new CliError(`The folder ${dirname(out)} does not exist; create it or choose another --out.`, 2);
        if (existsSync(out) && statSync(out).isDirectory()) throw new CliError(`${out} is a folder; give a file name for --out.`, 2);
      }
      const values = readValues(o);
      const core = env.core();
      const rec = await core.api.call('drafting.export', {
        caseId: id,
        templateId: o.template,
        format: o.format,
        profile: o.profile,
        ...(budget !== undefined ? { budgetBytes: budget } : {}),
        ...(values ? { values } : {}),
        ...(o.anyway ? { anyway: true } : {}),
        ...(o.lang ? { language: o.lang } : {}),
      });
      const bytes = readFileSync(resolveFile(core.ctx, 'export', rec.id)!.path);
      if (out) writeFileSync(out, bytes);
      const human = () =>
        out ? `Wrote ${out} (${rec.size.toLocaleString('en-GB')} bytes${rec.pages ? `, ${rec.pages} page${rec.pages === 1 ? '' : 's'}` : ''}; SHA-256 ${rec.sha256}; export ${rec.id}).` : bytes.toString('utf8').trimEnd();
      if (!out && !o.json) env.out(o).stdout(human() + '\n');
      else emit(env.out(o), rec, human);
      // What the app shows beside the draft (an address not yet confirmed, a rule with a date), on stderr so the
      // letter on stdout and the JSON stay clean.
      const view = await core.api.call('drafting.get', { caseId: id, templateId: o.template, ...(o.lang ? { language: o.lang } : {}) });
      for (const c of view.cautions) env.out(o).stderr(`Before you send: ${c}\n`);
      const lang = view.languages.find((l) => l.code === view.language);
      if (lang && !lang.reviewed) env.out(o).stderr(`Before you send: the ${view.language} text of this letter has not yet been reviewed by a native speaker.\n`);
    });

  program
    .command('sent')
    .description('say a drafted document went out: records it on the timeline and keeps the export (or the web form fields) as evidence')
    .argument('<id>', 'the case id')
    .requiredOption('--template <id>', 'the template it was drafted from')
    .requiredOption('--on <date>', 'the day it was sent (YYYY-MM-DD)')
    .requiredOption('--channel <channel>', `how: ${CHANNELS.join(', ')}`)
    .option('--export <exportId>', 'the export that was sent (see `draft ... --json`); without it, the web form fields as they stand')
    .option('--ref <reference>', 'the case or reference number the recipient gave')
    .option('--received <date>', 'by post: the day it arrived (YYYY-MM-DD)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, o) => {
      const core = env.core();
      const r = await core.api.call('drafting.markSent', {
        caseId: id,
        templateId: o.template,
        on: o.on,
        channel: o.channel,
        ...(o.export ? { exportId: o.export } : {}),
        ...(o.ref ? { ref: o.ref } : {}),
        ...(o.received ? { receivedOn: o.received } : {}),
      });
      emit(env.out(o), r, () => `Recorded ${r.eventType.replace('_', ' ')} (event ${r.eventId}); kept "${r.evidenceTitle}" as evidence ${r.evidenceId}, SHA-256 ${r.sha256}.`);
    });
}
