import type { Migration } from './index';

/**
 * The policy watch, second part (issue 11).
 * `watch_snapshots.shot_sha256 / shot_size`: a screenshot of the fetched page, rendered offline from the fetched bytes,
 * kept content-addressed under `watch/` beside the raw page. `watch_snapshots.capture_json`: the snapshot's capture
 * record (what was fetched and how, and how the screenshot was made, or why there is none).
 * `watch_checks.reason_key / reason_params`: a failure's reason as a message of the core catalog (key and parameters),
 * beside its English text in `reason`, so the app can word it in the member's language.
 * `watch_documents.claimed_until / claimed_by`: a run's lease on a document it is checking, taken and released under the
 * write lock, so two runs on one data folder (the app and a cron job) never check one document twice; a crashed
 * run's lease runs out.
 */
export const m009WatchEvidence: Migration = {
  version: 9,
  name: 'watch screenshots, reason keys and run leases',
  up(db) {
    db.exec(`
      ALTER TABLE watch_snapshots ADD COLUMN shot_sha256 TEXT CHECK (shot_sha256 IS NULL OR length(shot_sha256) = 64);
      ALTER TABLE watch_snapshots ADD COLUMN shot_size INTEGER;
      ALTER TABLE watch_snapshots ADD COLUMN capture_json TEXT CHECK (capture_json IS NULL OR json_valid(capture_json));
      CREATE INDEX watch_snapshots_shot ON watch_snapshots(shot_sha256) WHERE shot_sha256 IS NOT NULL;

      ALTER TABLE watch_checks ADD COLUMN reason_key TEXT;
      ALTER TABLE watch_checks ADD COLUMN reason_params TEXT CHECK (reason_params IS NULL OR json_valid(reason_params));

      ALTER TABLE watch_documents ADD COLUMN claimed_until TEXT;
      ALTER TABLE watch_documents ADD COLUMN claimed_by TEXT;
    `);
  },
};
