// scripts/preflight.mjs, run first by `npm test`: with the tools missing it stops at once with one line naming the one
// command to run (REDRESS_PREFLIGHT_NO_INSTALL=1, so it never calls apt-get here); with them present it says nothing.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'preflight.mjs');

/** A PATH of one empty folder holding only node (and the fake tools named), and a CHROMIUM_PATH. */
function machine(tools: string[], chromium: 'present' | 'absent', opts: { aptGet?: string; install?: boolean } = {}) {
  const dir = tempDir('redress-preflight-');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  for (const t of tools) {
    writeFileSync(join(bin, t), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, t), 0o755);
  }
  const chromiumPath = join(dir, 'chromium');
  if (chromium === 'present') {
    writeFileSync(chromiumPath, '#!/bin/sh\nexit 0\n');
    chmodSync(chromiumPath, 0o755);
  }
  if (opts.aptGet) {
    writeFileSync(join(bin, 'apt-get'), opts.aptGet.replaceAll('$BIN', bin).replaceAll('$CHROMIUM', chromiumPath).replaceAll('$LOG', join(dir, 'apt.log')));
    chmodSync(join(bin, 'apt-get'), 0o755);
  }
  const env: Record<string, string> = { PATH: bin, HOME: dir, CHROMIUM_PATH: chromiumPath };
  if (!opts.install) env.REDRESS_PREFLIGHT_NO_INSTALL = '1';
  return { ...spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env, timeout: 30_000 }), log: () => readFileSync(join(dir, 'apt.log'), 'utf8') };
}

const lines = (s: string) => s.split('\n').filter(Boolean);
const POPPLER = ['pdftotext', 'pdfimages', 'pdftoppm'];

describe('npm test preflight', () => {
  it('with nothing installed, exits non-zero at once with the one command to run, in one line', () => {
    const r = machine([], 'absent');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/chromium, pdftotext, pdfimages, pdftoppm, qpdf/);
    expect(r.stderr).toMatch(/apt-get install -y chromium poppler-utils qpdf$/m);
  });

  it('names only what is missing', () => {
    const r = machine([...POPPLER], 'present');
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/need qpdf, not found; .*apt-get install -y qpdf$/m);
  });

  it('says to fix CHROMIUM_PATH when that is all that is wrong', () => {
    const r = machine([...POPPLER, 'qpdf'], 'absent');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/point CHROMIUM_PATH at a Chromium executable/);
  });

  it('says nothing and exits 0 when everything is there', () => {
    const r = machine([...POPPLER, 'qpdf'], 'present');
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  // A stand-in apt-get that logs its arguments and, on install, puts the tools where the real packages would.
  const FAKE_APT = [
    '#!/bin/sh',
    'echo "$@" >> $LOG',
    'if [ "$1" = install ]; then',
    '  for t in pdftotext pdfimages pdftoppm qpdf; do printf "#!/bin/sh\\n" > $BIN/$t; /bin/chmod +x $BIN/$t; done',
    '  printf "#!/bin/sh\\n" > $CHROMIUM; /bin/chmod +x $CHROMIUM',
    'fi',
  ].join('\n');

  it.skipIf(process.platform !== 'linux' || process.getuid?.() !== 0)('as root with apt-get, installs what is missing and says so in one line', () => {
    const r = machine([], 'absent', { aptGet: FAKE_APT, install: true });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toEqual(['preflight: chromium, pdftotext, pdfimages, pdftoppm, qpdf missing; installing chromium poppler-utils qpdf with apt-get (about a minute)']);
    expect(lines(r.log())).toEqual(['update -qq', 'install -y -qq chromium poppler-utils qpdf']);
  });

  it('does not call apt-get with REDRESS_PREFLIGHT_NO_INSTALL=1', () => {
    const r = machine([], 'absent', { aptGet: FAKE_APT });
    expect(r.status).toBe(1);
    expect(() => r.log()).toThrow(/ENOENT/);
  });
});
