import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration, formatDuration } from '../../electron/core/contract/watch';
import { migrate } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { extractText, normaliseText } from '../../electron/core/watch/extract';
import { loadAiMatcher } from '../../electron/core/watch/phrases';
import { sentenceChanges } from '../../electron/core/watch/run';
import { tempDir } from '../support/tmp';

const html = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
const extract = (body: string, select: string[] = [], remove: string[] = []) =>
  extractText(html(body), { url: 'https://example.org/privacy', contentType: 'text/html', select, remove });

describe('watch: kept text', () => {
  it('drops navigation, header, footer, cookie banners and scripts by default, one paragraph per block', () => {
    const r = extract(`
      <header>Example Inc.</header><nav>Home | Jobs</nav>
      <div id="CybotCookiebotDialog"><p>We use cookies.</p></div>
      <div class="consent-manager">Your choices</div>
      <script>document.body.innerHTML = 'scripted'</script>
      <main><h1>Privacy   Policy</h1><p>We collect\n   data.</p><ul><li>Name</li><li>Email</li></ul></main>
      <footer>© 2024 Example</footer>`);
    expect(r.text).toBe('Privacy Policy\n\nWe collect data.\n\nName\n\nEmail');
  });

  it('keeps hidden (collapsed) sections and the header and footer of the main part; drops the page header and footer', () => {
    const r = extract(`<header>Site</header><main><article><header><h1>Terms</h1></header><p>Visible.</p>
      <div hidden><p>Collapsed section.</p></div><div aria-hidden="true"><p>Also collapsed.</p></div>
      <footer><p>Effective 1 May 2026.</p></footer></article></main><footer>Site footer</footer>`);
    expect(r.text).toBe('Terms\n\nVisible.\n\nCollapsed section.\n\nAlso collapsed.\n\nEffective 1 May 2026.');
  });

  it('strips years and dates from copyright lines only, wherever they sit', () => {
    const a = normaliseText('Our policy took effect in 2024.\n\n© 2019–2024 Example Ltd. All rights reserved.\n\nCopyright 3 March 2025 Example GmbH');
    expect(a).toBe('Our policy took effect in 2024.\n\n© Example Ltd. All rights reserved.\n\nCopyright Example GmbH');
    const b = extract('<main><p>Policy text that stays.</p><div class="legal">© 2024 Example Corporation</div></main>');
    const c = extract('<main><p>Policy text that stays.</p><div class="legal">© 2026 Example Corporation</div></main>');
    expect(b.text).toBe(c.text);
    expect(normaliseText(' a \u00a0 b \r\n\r\n\r\n c ')).toBe('a b\n\nc');
  });

  it('applies remove before select, keeps selected parts in page order and reports selectors that matched nothing', () => {
    const body = '<div id="b"><p>Second.</p></div><div id="a"><p>First.</p><p class="x">Drop me.</p></div>';
    expect(extract(body, ['#a', '#b'], ['.x'])).toMatchObject({ text: 'Second.\n\nFirst.', via: 'select', unmatched: [] });
    expect(extract(body, ['#a', '#missing'])).toMatchObject({ unmatched: ['#missing'] });
    expect(extract(body, ['#missing']).text).toBe('');
  });

  it('reads plain text pages as they are, and never runs a page script', () => {
    expect(extractText('Line one.\n\n\nLine  two.', { url: 'https://e.org/t.txt', contentType: 'text/plain', select: [], remove: [] }).text).toBe('Line one.\n\nLine two.');
    const r = extract('<main><p id="t">Static text.</p></main><script>document.getElementById("t").textContent = "Script text."</script>');
    expect(r.text).toBe('Static text.');
  });
});

describe('watch: AI phrases and the sentence diff', () => {
  const m = loadAiMatcher();
  it.each([
    ['We use your data to train our models.', true],
    ['Training of generative AI.', true],
    ['Our trainee programme is open.', false],
    ['We use machine-learning free methods.', false],
    ['Wir nutzen Ihre Daten, um KI-Modelle zu trainieren.', true],
    ['Nous utilisons vos données pour l’entraînement de modèles d’intelligence artificielle.', true],
    ["J'ai lu la politique.", false],
    ['We use AI to rank your feed.', true],
    ['We keep your email address for two years.', false],
  ])('%s -> %s', (sentence, ai) => {
    expect(m.match(sentence).length > 0).toBe(ai);
  });

  it('splits changed paragraphs into the sentences that were added and removed', () => {
    const before = 'We collect data. We keep it.\n\nYou may object.';
    const after = 'We collect data. We keep it. We train AI models on it.\n\nYou may object at any time.';
    expect(sentenceChanges(before, after)).toEqual({ added: ['We train AI models on it.', 'You may object at any time.'], removed: ['You may object.'] });
    expect(sentenceChanges(before, before)).toEqual({ added: [], removed: [] });
  });
});

describe('watch: durations and migration', () => {
  it('parses and formats durations', () => {
    expect(['30m', '6h', '1d', '7d', '2w', '1D'].map(parseDuration)).toEqual([1800, 21600, 86400, 604800, 1209600, 86400]);
    expect(['', '5', '1y', '-1d', '1.5h'].map(parseDuration)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([86400, 604800, 21600, 5400, 61].map(formatDuration)).toEqual(['1d', '1w', '6h', '90m', '61s']);
  });

  it('migrates a version-6 database forward to the watch tables', () => {
    const db = new Database(join(tempDir(), 'old.sqlite'));
    db.pragma('foreign_keys = ON');
    expect(migrate(db, MIGRATIONS, 6)).toBe(6);
    expect(migrate(db, MIGRATIONS)).toBeGreaterThanOrEqual(7);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'watch_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['watch_checks', 'watch_documents', 'watch_snapshots']);
    db.prepare("INSERT INTO watch_documents (id, url, created_at) VALUES ('wd_1', 'https://e.org', '2026-01-01T00:00:00Z')").run();
    // A failure must carry its reason, and a reason means a failure.
    const check = db.prepare("INSERT INTO watch_checks (id, document_id, checked_at, outcome, reason) VALUES (?, 'wd_1', '2026-01-01T00:00:00Z', ?, ?)");
    expect(() => check.run('wc_1', 'failed', null)).toThrow(/CHECK/);
    expect(() => check.run('wc_2', 'unchanged', 'why')).toThrow(/CHECK/);
    check.run('wc_3', 'failed', 'HTTP 403');
    db.prepare("DELETE FROM watch_documents WHERE id = 'wd_1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM watch_checks').get()).toEqual({ n: 0 });
    db.close();
  });
});
