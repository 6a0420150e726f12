import type { Command } from 'commander';
import { CASE_STATUS_LABELS, PLATFORMS, type Case } from '../core/contract';
import type { CliEnv } from './index';
import { CliError, emit } from './output';

/** "1 event", "3 events". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const line = (c: Case) => `${c.id}  ${c.status.padEnd(18)} ${c.country}  ${c.title}`;

export function registerCaseCommands(program: Command, env: CliEnv): void {
  const cases = program.command('case').description('create, list, show, edit, delete, export and import cases');

  cases
    .command('create')
    .description('create a case')
    .requiredOption('--title <title>', 'a short title for the case')
    .requiredOption('--country <cc>', 'country of residence, ISO 3166-1 alpha-2 (GB for the UK)')
    .requiredOption('--name <name>', 'your full name as the platform knows it')
    .requiredOption('--email <email>', "your account's email address")
    .option('--platform <platform>', `the platform: ${PLATFORMS.join(', ')}`, 'linkedin')
    .option('--region <code>', 'state or region, ISO 3166-2 (e.g. DE-BE, US-CA): decides the German state authority or the US state law')
    .option('--given-name <name>', 'given name(s), as you write them')
    .option('--family-name <name>', 'family name, as you write it')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const c = await env.call('cases.create', {
        title: o.title,
        country: o.country,
        name: o.name,
        email: o.email,
        platform: String(o.platform).trim().toLowerCase() as (typeof PLATFORMS)[number],
        ...(o.region ? { region: o.region } : {}),
        ...(o.givenName ? { givenName: o.givenName } : {}),
        ...(o.familyName ? { familyName: o.familyName } : {}),
      });
      emit(env.out(o), c, () => `Created ${c.id}: ${c.title}`);
    });

  cases
    .command('edit')
    .description('change what a case says about you: title, name, email, country, region, platform (each change goes to the custody log)')
    .argument('<id>', 'the case id')
    .option('--title <title>', 'a short title for the case')
    .option('--name <name>', 'your full name as the platform knows it')
    .option('--given-name <name>', 'given name(s)')
    .option('--family-name <name>', 'family name')
    .option('--email <email>', "your account's email address")
    .option('--country <cc>', 'country of residence, ISO 3166-1 alpha-2; a region that no longer fits is dropped')
    .option('--region <code>', 'ISO 3166-2 code (e.g. DE-BY); "none" removes it')
    .option('--platform <platform>', `the platform: ${PLATFORMS.join(', ')}`)
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const c = await env.call('cases.update', {
        id,
        ...(o.title !== undefined ? { title: o.title } : {}),
        ...(o.name !== undefined ? { name: o.name } : {}),
        ...(o.givenName !== undefined ? { givenName: o.givenName } : {}),
        ...(o.familyName !== undefined ? { familyName: o.familyName } : {}),
        ...(o.email !== undefined ? { email: o.email } : {}),
        ...(o.country !== undefined ? { country: o.country } : {}),
        ...(o.platform !== undefined ? { platform: String(o.platform).trim().toLowerCase() as (typeof PLATFORMS)[number] } : {}),
        ...(o.region !== undefined ? { region: o.region === 'none' ? null : o.region } : {}),
      });
      emit(env.out(o), c, () => `Updated ${c.id}: ${c.title}${c.region ? ` (${c.region})` : ''}`);
    });

  cases
    .command('delete')
    .description('forget a case: its events, evidence files, drafts, exports and custody log (a file another case holds stays)')
    .argument('<id>', 'the case id')
    .option('--yes', 'confirm: without it nothing is deleted')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      if (!o.yes) {
        throw new CliError(`This deletes case ${id} with its events, evidence files, drafts, exports and custody log, and cannot be undone. Run again with --yes to delete it.`);
      }
      const r = await env.call('cases.delete', { id, confirm: true });
      const d = r.deleted;
      emit(env.out(o), r, () =>
        `Deleted ${r.id}: ${r.title}\n${count(d.events, 'event')}, ${count(d.evidence, 'evidence item')} (${count(d.files, 'file')}${r.keptShared ? `; ${r.keptShared} kept, another case holds the same content` : ''}), ${count(d.drafts, 'draft')}, ${count(d.exports, 'export')} (${count(d.exportFiles, 'file')}), ${count(d.custody, 'custody entry', 'custody entries')}.`,
      );
    });

  cases
    .command('export')
    .description('write the case as a bundle (zip): the case, every evidence and export file, the custody log and a manifest of SHA-256s')
    .argument('<id>', 'the case id')
    .requiredOption('--out <file>', 'the zip to write, e.g. case.zip')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const r = await env.call('cases.exportBundle', { id, out: o.out });
      emit(env.out(o), r, () => `Wrote ${r.path}: ${r.title} (${count(r.evidenceFiles, 'evidence file')}, ${count(r.exportFiles, 'export')}, ${count(r.custodyEntries, 'custody entry', 'custody entries')}, ${count(r.size, 'byte')})\nSHA-256 ${r.sha256}`);
    });

  cases
    .command('import')
    .description('import a case bundle; every hash is checked before anything is written')
    .argument('<file>', 'the bundle (zip)')
    .option('--json', 'print JSON')
    .action(async (file: string, o) => {
      const r = await env.call('cases.importBundle', { path: file });
      const n = r.imported;
      emit(env.out(o), r, () =>
        `Imported ${r.case.id}: ${r.case.title}${r.renamed ? ` (new id; it was ${r.originalId} and that id is taken here)` : ''}\n${count(n.events, 'event')}, ${count(n.evidence, 'evidence item')} (${count(n.files, 'file')}), ${count(n.drafts, 'draft')}, ${count(n.exports, 'export')}, ${count(n.custody, 'custody entry', 'custody entries')}.`,
      );
    });

  cases
    .command('list')
    .description('list cases, newest first')
    .option('--status <status>', 'only cases with this status')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const list = await env.call('cases.list', o.status ? { status: o.status } : {});
      emit(env.out(o), list, () => (list.length ? list.map(line).join('\n') : 'No cases yet.'));
    });

  cases
    .command('show')
    .description('show one case with its events, evidence and deadlines')
    .argument('<id>', 'the case id')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const base = await env.showCase(id);
      const c = base as unknown as Case & Record<string, unknown>;
      // Which law, controller and regulators (home authority, lead authority) follow from where the member lives.
      const jurisdiction = await env.call('jurisdiction.get', { country: c.country, region: c.region, platform: c.platform });
      const shown = { ...base, jurisdiction };
      emit(env.out(o), shown, () => {
        const rows = [
          `${c.title}  (${c.id})`,
          `Platform: ${c.platform}   Country: ${c.country}${c.region ? ` (${c.region})` : ''}   Status: ${CASE_STATUS_LABELS[c.status] ?? c.status}`,
          `Member: ${c.name} <${c.email}>`,
          `Created: ${c.createdAt}`,
          `Law: ${jurisdiction.law}   Controller: ${jurisdiction.controller.name}`,
          ...jurisdiction.regulators.map(
            (r) => `${r.role === 'home' ? 'Home authority' : 'Lead authority'}: ${r.name} (${r.shortName})${r.unverified ? ' [partly unconfirmed]' : ''}`,
          ),
          ...(jurisdiction.regionNeeded ? [`Region: not set; set it with 'redress case edit ${c.id} --region CODE' to name the home authority.`] : []),
        ];
        for (const [key, value] of Object.entries(base)) {
          if (Array.isArray(value)) rows.push(`${key}: ${value.length}`);
        }
        return rows.join('\n');
      });
    });
}
