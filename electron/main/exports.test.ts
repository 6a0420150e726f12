import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/tmp';
import { ExportPathError, exportPathToOpen } from './exports';

function dataFolder() {
  const data = tempDir();
  mkdirSync(join(data, 'exports'));
  writeFileSync(join(data, 'exports', 'exp_1.pdf'), '%PDF-1.7');
  return data;
}

describe('which export file may go to the OS viewer', () => {
  it('a file in the data folder’s exports, by its real path', () => {
    const data = dataFolder();
    expect(exportPathToOpen(data, join(data, 'exports', 'exp_1.pdf'), 'exp_1')).toBe(join(data, 'exports', 'exp_1.pdf'));
    // The data folder itself reached through a link is fine: both sides are resolved.
    const link = join(tempDir(), 'data-link');
    symlinkSync(data, link);
    expect(exportPathToOpen(link, join(link, 'exports', 'exp_1.pdf'), 'exp_1')).toBe(join(data, 'exports', 'exp_1.pdf'));
  });

  it.each([
    ['/etc/passwd', (_data: string) => '/etc/passwd'],
    ['../../x', (data: string) => join(data, '..', '..', 'x')],
    ['a sibling of the data folder', (data: string) => join(data, '..', 'elsewhere.pdf')],
    ['the database', (data: string) => join(data, 'redress.sqlite')],
  ])('refuses %s with a message', (_label, target) => {
    const data = dataFolder();
    writeFileSync(join(data, 'redress.sqlite'), 'x');
    const path = target(data);
    let err: unknown;
    try {
      exportPathToOpen(data, path, 'exp_1');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExportPathError);
    expect((err as Error).message).toMatch(/^Export exp_1 was not opened: .*(lies outside the data folder's exports|is missing)/);
  });

  it('refuses an export file that is a link out of the data folder', () => {
    const data = dataFolder();
    symlinkSync('/etc/passwd', join(data, 'exports', 'exp_2.txt'));
    expect(() => exportPathToOpen(data, join(data, 'exports', 'exp_2.txt'), 'exp_2')).toThrow(
      /Export exp_2 was not opened: its file \(\/etc\/passwd\) lies outside the data folder's exports/,
    );
  });

  it('refuses a folder, and says when the file or the exports folder is missing', () => {
    const data = dataFolder();
    mkdirSync(join(data, 'exports', 'exp_3.pdf'));
    expect(() => exportPathToOpen(data, join(data, 'exports', 'exp_3.pdf'), 'exp_3')).toThrow(/is not a file/);
    expect(() => exportPathToOpen(data, join(data, 'exports', 'exp_4.pdf'), 'exp_4')).toThrow(/its file .* is missing\. Export the document again\./);
    expect(() => exportPathToOpen(tempDir(), '/etc/passwd', 'exp_5')).toThrow(/exports folder .* is missing/);
  });
});
