// Every Content-Security-Policy Redress sends is well formed: each keyword quoted (an unquoted `none` or `self` is read
// as a host name, so `default-src none` allows a host called "none" instead of nothing), and the app's own pages allow
// no inline script or style.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP as HOST_CSP, STORED_FILE_CSP as HOST_FILE_CSP } from '../../electron/host/security';
import { APP_CSP, STORED_FILE_CSP as APP_FILE_CSP } from '../../electron/main/security';

const root = join(import.meta.dirname, '..', '..');
const KEYWORDS = ['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic', 'unsafe-hashes', 'report-sample', 'wasm-unsafe-eval'];
const DIRECTIVES = new Set([
  'default-src', 'script-src', 'style-src', 'img-src', 'connect-src', 'font-src', 'object-src', 'media-src', 'frame-src',
  'worker-src', 'manifest-src', 'base-uri', 'form-action', 'frame-ancestors', 'sandbox',
]);

/** Problems with a policy: unknown directives, a directive twice, keywords without quotes, sources of no known shape. */
function cspProblems(policy: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const directive of policy.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    if (!DIRECTIVES.has(name)) problems.push(`unknown directive ${name}`);
    if (seen.has(name)) problems.push(`${name} given twice (the second is ignored)`);
    seen.add(name);
    if (name === 'sandbox') continue; // its values are allow-* flags, none here
    for (const s of sources) {
      if (KEYWORDS.includes(s)) problems.push(`${name}: keyword ${s} must be quoted ('${s}')`);
      else if (/^'.*'$/.test(s)) {
        if (!KEYWORDS.includes(s.slice(1, -1))) problems.push(`${name}: unknown keyword ${s}`);
      } else if (!/^[a-z][a-z0-9+.-]*:$/.test(s)) problems.push(`${name}: ${s} is a host source; Redress names none`);
    }
    if (sources.includes("'none'") && sources.length > 1) problems.push(`${name}: 'none' with other sources`);
  }
  return problems;
}

const rendererMeta = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

describe('content security policies', () => {
  const policies = {
    'browser host, renderer': HOST_CSP,
    'browser host, stored files': HOST_FILE_CSP,
    'Electron app://': APP_CSP,
    'Electron redress-file://': APP_FILE_CSP,
    'renderer/index.html meta': rendererMeta(readFileSync(join(root, 'renderer', 'index.html'), 'utf8'))!,
  };

  it.each(Object.entries(policies))('%s is well formed', (_name, policy) => {
    expect(policy).toBeTruthy();
    expect(cspProblems(policy)).toEqual([]);
  });

  it('catches what it is for', () => {
    expect(cspProblems('sandbox; default-src none; img-src data:; style-src unsafe-inline')).toEqual([
      "default-src: keyword none must be quoted ('none')",
      "style-src: keyword unsafe-inline must be quoted ('unsafe-inline')",
    ]);
    expect(cspProblems("default-src 'self'; default-src 'none'")).toEqual(["default-src given twice (the second is ignored)"]);
  });

  it('the app’s pages allow no inline script, no inline style and no eval', () => {
    for (const policy of [HOST_CSP, APP_CSP]) {
      expect(policy).toMatch(/(^|; )script-src 'self';/);
      expect(policy).toMatch(/(^|; )style-src 'self';/);
      expect(policy).not.toMatch(/unsafe-(inline|eval)/);
      expect(policy).toMatch(/object-src 'none'/);
      expect(policy).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('stored files open sandboxed, with nothing but their own styles and data: images, in both hosts', () => {
    expect(APP_FILE_CSP).toBe(HOST_FILE_CSP);
    expect(HOST_FILE_CSP).toMatch(/^sandbox; default-src 'none';/);
  });

  // The CSP allows no inline style, so the page itself must carry none (React `style` props set CSSOM properties,
  // which CSP allows). The built page is checked when it exists (`npm run build:renderer`).
  const built = join(root, 'dist', 'renderer', 'index.html');
  it.each([join(root, 'renderer', 'index.html'), ...(existsSync(built) ? [built] : [])])('%s has no inline style or script', (file) => {
    const html = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) expect(script).toMatch(/^<script\b[^>]*\ssrc=[^>]*>\s*<\/script>$/i);
  });
});
