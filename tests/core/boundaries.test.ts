// The architecture rule a reader relies on: core is plain Node, the renderer is plain web.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) found.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return found;
}

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads', 'events', 'buffer']);

describe('import boundaries', () => {
  it('nothing under electron/core imports electron', () => {
    const bad = sources(join(root, 'electron', 'core')).flatMap((f) =>
      imports(f).filter((s) => s === 'electron' || s.startsWith('electron/')).map((s) => `${relative(root, f)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('the renderer imports neither electron nor Node, nor core code outside the contract', () => {
    const bad = sources(join(root, 'renderer', 'src')).flatMap((f) =>
      imports(f)
        .filter(
          (s) =>
            s === 'electron' ||
            s.startsWith('node:') ||
            NODE_BUILTINS.has(s) ||
            s === 'better-sqlite3' ||
            (s.includes('electron/') && !s.includes('electron/core/contract')),
        )
        .map((s) => `${relative(root, f)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('the contract folder is pure (the renderer type-checks against it)', () => {
    const bad = sources(join(root, 'electron', 'core', 'contract')).flatMap((f) =>
      imports(f)
        .filter((s) => !s.startsWith('./') && s !== 'zod')
        .map((s) => `${relative(root, f)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('the checker itself sees an import it must refuse', () => {
    expect(imports(join(root, 'electron', 'main', 'index.ts'))).toContain('electron');
  });
});
