// electron-builder.yml, read and validated by electron-builder's own loader and schema (the same YAML parser and the
// same checks `npm run dist` runs), so a misspelt fuse or a folder missing from `files` fails here, not in a release.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// app-builder-lib, builder-util and minimatch are electron-builder's own dependencies: resolve them from there.
const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder'));
const builderConfig = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, any>>;
  validateConfiguration(config: Record<string, any>, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { minimatch } = fromBuilder('minimatch') as { minimatch(path: string, pattern: string, opts?: { dot?: boolean }): boolean };

let config: Record<string, any>;
beforeAll(async () => {
  config = await builderConfig.getConfig(root, null, null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema (an unknown or misspelt key fails)', async () => {
    await expect(builderConfig.validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = structuredClone(config);
    misspelt.electronFuses.runAsnode = false;
    await expect(builderConfig.validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses that keep the shipped app from being used as a Node runtime or loading unchecked code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  /** Whether electron-builder's `files` list ships a path: the last matching pattern wins, `!` excludes. */
  function ships(path: string): boolean {
    const patterns: string[] = config.files.flatMap((f: string | { filter?: string[] }) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    let shipped = false;
    for (const p of patterns) {
      if (p.startsWith('!')) {
        if (minimatch(path, p.slice(1), { dot: true })) shipped = false;
      } else if (minimatch(path, p, { dot: true })) shipped = true;
    }
    return shipped;
  }

  /** Folders the main process reads from the app folder at run time: every `join(appDir, '<folder>', …)` it holds. */
  function runtimeFolders(): string[] {
    const src = readFileSync(join(root, 'electron', 'main', 'index.ts'), 'utf8');
    const folders = new Set<string>();
    for (const m of src.matchAll(/join\(appDir((?:\s*,\s*'[^']+')+)\s*\)/g)) {
      const parts = [...m[1].matchAll(/'([^']+)'/g)].map((p) => p[1]);
      // A file in a folder (dist-electron/preload.cjs) means the folder; a bare name means that folder.
      folders.add((/\.[a-z]+$/.test(parts[parts.length - 1]) ? parts.slice(0, -1) : parts).join('/'));
    }
    return [...folders].sort();
  }

  it('ships every folder the app reads at run time', () => {
    const folders = runtimeFolders();
    expect(folders).toEqual(expect.arrayContaining(['data', 'dist-electron', 'dist/renderer', 'templates']));
    for (const folder of folders) expect(ships(`${folder}/any/file.json`), folder).toBe(true);
    // Built files, by the names the builds give them.
    for (const built of ['dist/renderer/index.html', 'dist/renderer/assets/index-Abc123.js', 'dist/renderer/assets/index-Abc123.css']) {
      expect(ships(built), built).toBe(true);
    }
    for (const built of ['dist-electron/main.js', 'dist-electron/worker.js', 'dist-electron/preload.cjs']) expect(ships(built), built).toBe(true);
    expect(ships('package.json')).toBe(true);
    expect(ships('dist-electron/main.js.map')).toBe(false);
    expect(ships('electron/main/index.ts')).toBe(false);
  });

  it('ships every template and every reviewed fact file in the checkout', () => {
    for (const folder of ['templates', 'data']) {
      const files = readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'));
      expect(files.length, folder).toBeGreaterThan(0);
      expect(files.filter((f) => !ships(f)), `${folder}/ files left out`).toEqual([]);
    }
  });

  it('package.json "main" names the file the Electron build writes, and it ships', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    const build = readFileSync(join(root, 'scripts', 'build-electron.mjs'), 'utf8');
    const outfiles = [...build.matchAll(/outfile:\s*'([^']+)'/g)].map((m) => m[1]);
    expect(outfiles).toContain(pkg.main);
    expect(ships(pkg.main)).toBe(true);
  });
});
