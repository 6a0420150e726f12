#!/usr/bin/env node
// Run first by `npm test`: the tests need Chromium (browser tests, captures) and poppler-utils + qpdf (the PDF tests
// read exports with real readers). Without them, dozens of tests fail with errors that do not say why. So check first:
// where it can install them (Linux, root, apt-get), do so and say so in one line; otherwise stop at once with the one
// command to run. REDRESS_PREFLIGHT_NO_INSTALL=1 only checks. Chromium is /usr/bin/chromium or CHROMIUM_PATH.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What the tests run, and the Debian package that brings it. */
const TOOLS = [
  { name: 'chromium', path: () => process.env.CHROMIUM_PATH || '/usr/bin/chromium', pkg: 'chromium', brew: 'chromium' },
  { name: 'pdftotext', pkg: 'poppler-utils', brew: 'poppler' },
  { name: 'pdfimages', pkg: 'poppler-utils', brew: 'poppler' },
  { name: 'pdftoppm', pkg: 'poppler-utils', brew: 'poppler' },
  { name: 'qpdf', pkg: 'qpdf', brew: 'qpdf' },
];

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (cmd) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, cmd)));
const missing = () => TOOLS.filter((t) => (t.path ? !executable(t.path()) : !onPath(t.name)));

let lacking = missing();
if (lacking.length === 0) process.exit(0);

const pkgs = [...new Set(lacking.map((t) => t.pkg))];
const names = lacking.map((t) => t.name).join(', ');
const canInstall =
  process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get') && !/^(1|true|yes)$/i.test(process.env.REDRESS_PREFLIGHT_NO_INSTALL ?? '');

if (canInstall) {
  console.log(`preflight: ${names} missing; installing ${pkgs.join(' ')} with apt-get (about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sh = (args) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  if (sh(['update', '-qq']) && sh(['install', '-y', '-qq', ...pkgs])) {
    lacking = missing();
    if (lacking.length === 0) process.exit(0);
  }
}

const chromiumOnly = lacking.every((t) => t.name === 'chromium') && process.env.CHROMIUM_PATH;
const fix = chromiumOnly
  ? `point CHROMIUM_PATH at a Chromium executable (${process.env.CHROMIUM_PATH} is not one)`
  : process.platform === 'darwin'
    ? `run: brew install ${[...new Set(lacking.map((t) => t.brew))].join(' ')} (and set CHROMIUM_PATH to Chromium's executable)`
    : `run: ${process.getuid?.() === 0 ? '' : 'sudo '}apt-get update && ${process.getuid?.() === 0 ? '' : 'sudo '}apt-get install -y ${[...new Set(lacking.map((t) => t.pkg))].join(' ')}`;
console.error(`preflight: the tests need ${lacking.map((t) => t.name).join(', ')}, not found; ${fix}`);
process.exit(1);
