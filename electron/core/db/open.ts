import Database from 'better-sqlite3';
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations';
import { writeTx } from './tx';

export type Db = Database.Database;

export interface OpenOptions {
  /** Electron passes the path of its own better-sqlite3 build; Node uses node_modules' build. */
  nativeBinding?: string;
  migrations?: Migration[];
}

export const DB_FILE = 'redress.sqlite';

/** Private at rest: folders 0700, files 0600 (where the OS has modes; Windows keeps per-user ACLs instead). */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;
export const hasModes = process.platform !== 'win32';

/** Creates a folder of the data folder (0700), and tightens it when an older Redress left it open to others. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (hasModes) chmodSync(dir, DIR_MODE);
}

/** Tightens an existing regular file of the data folder to 0600; never follows a link (a no-op without modes). */
export function privateFile(file: string): void {
  if (!hasModes) return;
  let st;
  try {
    st = lstatSync(file);
  } catch {
    return;
  }
  if (st.isFile() && (st.mode & 0o077) !== 0) chmodSync(file, FILE_MODE);
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  privateDir(dataDir);
  return openDatabaseFile(join(dataDir, DB_FILE), options);
}

export function openDatabaseFile(file: string, options: OpenOptions = {}): Db {
  // SQLite gives its -wal and -shm files the mode of the database file, so the file is made 0600 before it opens.
  closeSync(openSync(file, 'a', FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}.custody-heads.json`]) privateFile(f);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db, options.migrations ?? MIGRATIONS);
  for (const f of [`${file}-wal`, `${file}-shm`]) privateFile(f);
  return db;
}

/**
 * Applies every migration above `user_version`, each in its own IMMEDIATE transaction that reads the version again
 * under the write lock: two processes opening one new data folder at once migrate it once.
 */
export function migrate(db: Db, migrations: Migration[] = MIGRATIONS, target = Infinity): number {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const version = () => db.pragma('user_version', { simple: true }) as number;
  let current = version();
  if (current > latest) {
    throw new Error(
      `This data folder was written by a newer Redress (schema ${current}, this version knows ${latest}). Update Redress.`,
    );
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current || m.version > target) continue;
    writeTx(db, () => {
      if (version() >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
    current = Math.max(m.version, version());
  }
  return current;
}
