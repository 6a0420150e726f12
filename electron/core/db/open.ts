import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Electron passes the path of its own better-sqlite3 build; Node uses node_modules' build. */
  nativeBinding?: string;
  migrations?: Migration[];
}

export const DB_FILE = 'redress.sqlite';

export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  return openDatabaseFile(join(dataDir, DB_FILE), options);
}

export function openDatabaseFile(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db, options.migrations ?? MIGRATIONS);
  return db;
}

/** Applies every migration above `user_version`, each in its own transaction, and records the version. */
export function migrate(db: Db, migrations: Migration[] = MIGRATIONS, target = Infinity): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw new Error(
      `This data folder was written by a newer Redress (schema ${current}, this version knows ${latest}). Update Redress.`,
    );
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}
