import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

export class ExportPathError extends Error {}

/**
 * The file to hand to the OS viewer for an export: its real path (symlinks followed), only when that lies inside the
 * data folder's exports/ (also resolved) and is a regular file. Anything else, such as a database row edited to point at
 * /etc/passwd or `../../x`, or an export file swapped for a link to elsewhere, throws with a message a person can act on.
 */
export function exportPathToOpen(dataDir: string, storedPath: string, id: string): string {
  const exportsDir = join(dataDir, 'exports');
  let root: string;
  try {
    root = realpathSync(exportsDir);
  } catch {
    throw new ExportPathError(`Export ${id} was not opened: the exports folder ${exportsDir} is missing. Export the document again.`);
  }
  let real: string;
  try {
    real = realpathSync(storedPath);
  } catch {
    throw new ExportPathError(`Export ${id} was not opened: its file ${storedPath} is missing. Export the document again.`);
  }
  const rel = relative(root, real);
  if (!rel || isAbsolute(rel) || rel.split(/[\\/]/)[0] === '..') {
    throw new ExportPathError(
      `Export ${id} was not opened: its file (${real}) lies outside the data folder's exports (${root}). ` +
        'The database or the folder may have been changed by something other than Redress; export the document again.',
    );
  }
  if (!statSync(real).isFile()) throw new ExportPathError(`Export ${id} was not opened: ${real} is not a file. Export the document again.`);
  return real;
}
