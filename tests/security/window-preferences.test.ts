// Every `new BrowserWindow` spells its webPreferences out as a literal (no spread, no variable), so a reviewer and a
// scanner (Electronegativity) see the security settings where the window is made; the app window's literal is exactly
// the shared WINDOW_PREFERENCES plus its preload.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOW_PREFERENCES } from '../../electron/main/security';

const root = join(import.meta.dirname, '..', '..');

/** The text from an opening bracket to its match, skipping strings and comments. */
function balanced(src: string, open: number): string {
  const pairs: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') i = src.indexOf('\n', i);
    else if (c === "'" || c === '"' || c === '`') {
      for (i++; src[i] !== c; i++) if (src[i] === '\\') i++;
    } else if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (!stack.length) return src.slice(open, i + 1);
    }
  }
  throw new Error('unbalanced');
}

/** `{ a: true, b: 'x', c: join(...) }` as entries of source text; a spread shows up as its own `...name` entry. */
function entries(literal: string): [string, string][] {
  const body = literal.slice(1, -1).replace(/\/\/[^\n]*/g, '');
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of body) {
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p.startsWith('...') ? [p, ''] : [p.slice(0, p.indexOf(':')).trim(), p.slice(p.indexOf(':') + 1).trim()]));
}

const value = (src: string): unknown => (src === 'true' ? true : src === 'false' ? false : /^'[^']*'$/.test(src) ? src.slice(1, -1) : `<${src}>`);

function browserWindows() {
  const dir = join(root, 'electron');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const found: { where: string; prefs: [string, string][] | null }[] = [];
  for (const f of files) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/new BrowserWindow\(/g)) {
      const args = balanced(src, m.index + m[0].length - 1);
      const at = /webPreferences:\s*\{/.exec(args);
      const where = `${relative(root, join(dir, f))}:${src.slice(0, m.index).split('\n').length}`;
      found.push({ where, prefs: at ? entries(balanced(args, at.index + at[0].length - 1)) : null });
    }
  }
  return found;
}

describe('webPreferences where each window is made', () => {
  const windows = browserWindows();

  it('finds the windows (the app window, the capture window and the watch’s screenshot window)', () => {
    expect(windows.map((w) => w.where.split(':')[0]).sort()).toEqual(['electron/main/capture.ts', 'electron/main/index.ts', 'electron/main/watch-shots.ts']);
  });

  it('the screenshot window runs no script of the fetched page, in a session kept in memory only', () => {
    const [shots] = windows.filter((w) => w.where.startsWith('electron/main/watch-shots.ts'));
    const prefs = Object.fromEntries(shots.prefs!.map(([k, v]) => [k, value(v)]));
    expect(prefs).toMatchObject({ javascript: false, partition: '<SHOT_PARTITION>' });
    expect(prefs.preload).toBeUndefined();
    expect(readFileSync(join(root, 'electron', 'main', 'watch-shots.ts'), 'utf8')).toMatch(/export const SHOT_PARTITION = '(?!persist:)[a-z-]+';/);
  });

  it('every window has a literal webPreferences, no spread, with isolation, sandbox, no Node and web security', () => {
    for (const w of windows) {
      expect(w.prefs, w.where).not.toBeNull();
      expect(w.prefs!.filter(([k]) => k.startsWith('...')), w.where).toEqual([]);
      const prefs = Object.fromEntries(w.prefs!.map(([k, v]) => [k, value(v)]));
      expect(prefs, w.where).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    }
  });

  it('the app window’s literal is exactly WINDOW_PREFERENCES plus the preload and the system locale', () => {
    const app = windows.filter((w) => w.prefs?.some(([k]) => k === 'preload'));
    expect(app.map((w) => w.where.split(':')[0])).toEqual(['electron/main/index.ts']);
    for (const w of app) {
      const { preload, additionalArguments, ...rest } = Object.fromEntries(w.prefs!.map(([k, v]) => [k, value(v)]));
      expect(rest, w.where).toEqual(WINDOW_PREFERENCES);
      expect(preload).toBe("<join(appDir, 'dist-electron', 'preload.cjs')>");
      // Only the system's language crosses to the renderer this way (a text the preload hands on), nothing else.
      expect(additionalArguments).toBe('<[`--redress-locale=${app.getLocale()}`]>');
    }
  });
});

describe('openExternal', () => {
  it('is called in one place only, right after the allowlist check', () => {
    const dir = join(root, 'electron');
    const calls: string[] = [];
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/\.openExternal\(/g)) calls.push(`${f}\n${src.slice(Math.max(0, m.index - 200), src.indexOf(';', m.index) + 1)}`);
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^main[\\/]index\.ts\n[\s\S]*if \(!isAllowedExternal\(url\)\) return;\s*void shell\.openExternal\(url\);$/);
  });
});
