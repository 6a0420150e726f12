import type { Database } from 'better-sqlite3';
import { m001Cases } from './001_cases';
import { m002Evidence } from './002_evidence';
import { m003Tracking } from './003_tracking';
import { m004Drafting } from './004_drafting';
import { m005CaseRegion } from './005_case_region';
import { m006EventThreads } from './006_event_threads';
import { m007Watch } from './007_watch';
import { m008WatchSettings } from './008_watch_settings';
import { m009WatchEvidence } from './009_watch_evidence';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Append only. A migration's number is its `user_version`; each runs in its own transaction. */
export const MIGRATIONS: Migration[] = [m001Cases, m002Evidence, m003Tracking, m004Drafting, m005CaseRegion, m006EventThreads, m007Watch, m008WatchSettings, m009WatchEvidence];
