import type { Db } from './open';
import { writeTx } from './tx';

/** A value kept in the `settings` table (migration 8); `fallback` when it is missing or unreadable. */
export function getSetting<T>(db: Db, key: string, fallback: T): T {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export function putSetting(db: Db, key: string, value: unknown, at: string): void {
  writeTx(db, () =>
    db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, JSON.stringify(value), at),
  );
}
