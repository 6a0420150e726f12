import type { Command } from 'commander';
import type { Platform } from '../core/contract';
import { PLATFORM_REGIONS } from '../core/contract/platforms';
import type { CliEnv } from './index';
import { emit } from './output';

const route = (p: Platform) => (p.objection.kind === 'form' ? 'form' : 'letter');
const hasSwitch = (p: Platform) => (p.settings.some((s) => s.switch) ? 'switch' : 'none');

const line = (p: Platform) =>
  `${p.id.padEnd(10)} ${p.name.padEnd(10)} ${hasSwitch(p).padEnd(6)} ${route(p).padEnd(6)} ${p.controllers.eu.name}${p.unverifiedFacts.length ? `  [unconfirmed: ${p.unverifiedFacts.length}]` : ''}`;

const mark = (f: { unverified?: string }) => (f.unverified ? `  [unconfirmed: ${f.unverified}]` : '');

/** One platform, for a person: controllers, switches, objection route, documents to watch, dates. */
function details(p: Platform): string {
  const out: string[] = [`${p.name}${p.product ? ` (${p.product})` : ''}: ${p.id}, part of ${p.parent.name}${mark(p.parent)}`, '', 'Controllers:'];
  for (const r of PLATFORM_REGIONS) {
    const c = p.controllers[r];
    out.push(`  ${r.padEnd(6)} ${c.name}, ${c.address.join(', ')}; lead authority: ${c.leadAuthority ?? 'none'}${mark(c)}`);
  }
  out.push('', 'Settings:');
  for (const s of p.settings) {
    out.push(`  ${s.name}${s.url ? ` ${s.url}` : ''}${mark(s)}`, `    ${s.menuPath.join(' > ')}`);
    if (!s.switch) out.push(`    no switch: ${s.why}`);
    else {
      out.push(`    switch, ${s.switch.default} by default`);
      for (const [lang, l] of Object.entries(s.switch.labels)) out.push(`    ${lang}: ${l.labels.map((x) => `"${x}"`).join(', ')}${mark(l)}`);
    }
  }
  const o = p.objection;
  out.push('', 'Objection:', o.kind === 'form' ? `  form: ${o.name} ${o.url}${mark(o)}` : `  none: object by letter (${o.why})${mark(o)}`);
  if (o.kind === 'form' && o.fields.length) out.push(`    fields: ${o.fields.map((f) => `${f.label}${f.required ? '*' : ''}`).join(', ')}`);
  out.push('', `Covers${mark(p.coverage)}:`, ...p.coverage.covers.map((c) => `  + ${c}`), ...p.coverage.excludes.map((c) => `  - ${c}`));
  out.push('', 'Documents to watch:', ...p.policies.map((d) => `  ${d.id.padEnd(16)} ${d.url}`));
  if (p.dates.length) out.push('', 'Dates:', ...p.dates.map((d) => `  ${d.date.padEnd(10)} ${d.what}${d.regions ? ` (${d.regions.join(', ')})` : ''}${mark(d)}`));
  out.push('', `${p.unverifiedFacts.length} unconfirmed fact(s); --json lists them with the reason.`);
  return out.join('\n');
}

/** `redress platforms [--json]` and `redress platforms show ID [--json]`: the platforms Redress knows, from data/platforms/. */
export function registerPlatformCommands(program: Command, env: CliEnv): void {
  const platforms = program
    .command('platforms')
    .description('list the platforms Redress knows (controllers, AI-training switches, objection routes), or show one')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const list = await env.call('platforms.list', {});
      emit(env.out(o), list, () =>
        [`${'id'.padEnd(10)} ${'name'.padEnd(10)} ${'switch'.padEnd(6)} ${'route'.padEnd(6)} EU/EEA controller`, ...list.map(line)].join('\n'),
      );
    });
  platforms
    .command('show')
    .description('show one platform: controllers per region, switches and their labels, objection route, documents, dates')
    .argument('<id>', 'the platform id (see `redress platforms`)')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const p = await env.call('platforms.get', { id });
      emit(env.out({ json: o.json || platforms.opts().json }), p, () => details(p));
    });
}
