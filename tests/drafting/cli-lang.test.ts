// Letters in German and French from the command line as a real process (node bin/redress.mjs): the language the
// recipient expects by default, `--lang CODE`, a clear refusal of a language the template lacks, and PDFs whose
// umlauts, ß, accents, guillemets and apostrophes survive a round trip through pdftotext.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
const run = (...a: string[]) => spawnSync('node', [join(ROOT, 'bin', 'redress.mjs'), '--data-dir', dir, ...a], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toLocaleDateString('sv-SE');

/** A case with an objection sent 60 days ago and not answered: a complaint is then due. */
function caseWithOverdueObjection(country: string, region?: string): string {
  const created = run('case', 'create', '--title', 'T', '--country', country, ...(region ? ['--region', region] : []), '--name', 'Jürgen Weiß-Müller', '--email', 'j@example.org', '--json');
  expect(created.status, created.stderr).toBe(0);
  const id = JSON.parse(created.stdout).id as string;
  const ev = run('event', 'add', id, '--type', 'request_sent', '--on', daysAgo(60), '--request', 'objection', '--ref', 'LI-7');
  expect(ev.status, ev.stderr).toBe(0);
  return id;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redress-cli-lang-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('redress draft --lang', () => {
  it('drafts a Berlin member’s complaint in German to the Berlin authority, citing Art. 77 DSGVO', () => {
    const id = caseWithOverdueObjection('DE', 'DE-BE');
    const r = run('draft', id, '--template', 'authority-complaint', '--lang', 'de', '--format', 'text');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
    expect(r.stdout).toContain('Betreff: Beschwerde nach Art. 77 DSGVO über LinkedIn Ireland Unlimited Company');
    expect(r.stdout).toContain('Sehr geehrte Damen und Herren,');
    expect(r.stdout).toMatch(/Am \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4} habe ich LinkedIn einen Widerspruch nach Art\. 21 Abs\. 1 DSGVO/);
    expect(r.stdout).toContain('Mit freundlichen Grüßen');
    expect(r.stdout).not.toMatch(/\bArticle\b|Dear Sir|\{\{/);
    // Not reviewed by a native speaker yet: said beside the draft, never in it.
    expect(r.stderr).toContain('has not yet been reviewed by a native speaker');
    expect(r.stderr).not.toContain('expects complaints in German');
  });

  it('drafts a French member’s complaint in French to the CNIL, citing the RGPD', () => {
    const id = caseWithOverdueObjection('FR');
    const r = run('draft', id, '--template', 'authority-complaint', '--lang', 'fr', '--format', 'text');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Commission nationale de l'informatique et des libertés");
    expect(r.stdout).toContain('Objet : plainte au titre de l’article 77 du RGPD');
    expect(r.stdout).toContain('l’article 21, paragraphe 1, du RGPD');
    expect(r.stdout).toContain('Madame, Monsieur,');
    expect(r.stdout).toMatch(/Le \d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}, j’ai adressé à LinkedIn une opposition/);
    expect(r.stdout).not.toMatch(/\bArticle \d|Dear Sir|\{\{/);
  });

  it('writes to an authority in its own language by default, and to LinkedIn in English', () => {
    const de = caseWithOverdueObjection('DE', 'DE-BE');
    const complaint = run('draft', de, '--template', 'authority-complaint', '--format', 'text');
    expect(complaint.status, complaint.stderr).toBe(0);
    expect(complaint.stdout).toContain('Beschwerde nach Art. 77 DSGVO');
    const objection = run('draft', de, '--template', 'objection', '--format', 'text', '--set', 'situation=I write for a living.');
    expect(objection.status, objection.stderr).toBe(0);
    expect(objection.stdout).toContain('Objection under Article 21 GDPR');
    // The member's choice for the controller: German on asking.
    const asked = run('draft', de, '--template', 'objection', '--lang', 'de', '--format', 'text', '--set', 'situation=Ich lebe vom Schreiben.');
    expect(asked.status, asked.stderr).toBe(0);
    expect(asked.stdout).toContain('Widerspruch nach Art. 21 DSGVO');
    expect(asked.stdout).toContain('Ich lebe vom Schreiben.');
  });

  it('refuses a language the template lacks, naming the ones it has, and writes nothing', () => {
    const id = caseWithOverdueObjection('DE', 'DE-BE');
    const it_ = run('draft', id, '--template', 'authority-complaint', '--lang', 'it', '--format', 'text');
    expect(it_.status).not.toBe(0);
    expect(it_.stderr).toContain('The template "authority-complaint" has no text in "it". Its languages: en, de, fr.');
    expect(it_.stdout).toBe('');
    const dpc = run('draft', id, '--template', 'dpc-complaint', '--lang', 'de', '--format', 'text');
    expect(dpc.status).not.toBe(0);
    expect(dpc.stderr).toContain('The template "dpc-complaint" has no text in "de". Its languages: en.');
  });

  it.each([
    ['de', 'DE', 'DE-BE', ['Mit freundlichen Grüßen', 'Jürgen Weiß-Müller', 'Löschung', 'Anträgen', '„Data for Generative AI Improvement“']],
    ['fr', 'FR', undefined, ['salutations distinguées', 'Jürgen Weiß-Müller', '« Data for Generative AI Improvement »', 'l’article 77 du RGPD', 'Échanges avec l’organisme']],
  ] as const)('writes a %s PDF whose text pdftotext reads back', (lang, country, region, phrases) => {
    const id = caseWithOverdueObjection(country, region);
    const out = join(dir, `complaint-${lang}.pdf`);
    const r = run('draft', id, '--template', 'authority-complaint', '--lang', lang, '--format', 'pdf', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const p of phrases) expect(text).toContain(p);
  });
});
