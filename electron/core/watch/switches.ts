import type { CoreContext } from '../context';
import { SWITCH_RECAPTURE_DAYS, type SwitchStatus } from '../contract/watch';
import type { ToggleState } from '../contract/evidence';
import { readTx } from '../db/tx';
import { listPlatforms } from '../platforms';

const DAY_MS = 24 * 3600_000;

/** Platform id -> its name from data/platforms/; the id itself when the files cannot be read. */
function platformNames(): Map<string, string> {
  try {
    return new Map(listPlatforms().map((p) => [p.id, p.name]));
  } catch {
    return new Map();
  }
}

/**
 * "Check my switches": for each platform the member's cases are about, the newest switch state a capture of its
 * settings page recorded (read from the page, or confirmed or corrected by hand), and whether it is time to capture it
 * again (none yet, or older than SWITCH_RECAPTURE_DAYS): platforms turn switches back on and add new ones.
 */
export function switchesStatus(ctx: CoreContext): SwitchStatus[] {
  const names = platformNames();
  const now = ctx.clock.now().getTime();
  return readTx(ctx.db, () => {
    const cases = ctx.db.prepare('SELECT id, platform FROM cases ORDER BY created_at, id').all() as { id: string; platform: string }[];
    const byPlatform = new Map<string, string[]>();
    for (const c of cases) byPlatform.set(c.platform, [...(byPlatform.get(c.platform) ?? []), c.id]);
    const last = ctx.db.prepare(
      `SELECT e.id, e.case_id, e.toggle_state, e.toggle_confirmed_by, coalesce(e.captured_at, e.added_at) AS at, e.source_url
       FROM evidence e JOIN cases c ON c.id = e.case_id
       WHERE c.platform = ? AND e.toggle_state IS NOT NULL
       ORDER BY at DESC, e.rowid DESC LIMIT 1`,
    );
    return [...byPlatform.keys()].sort().map((platform): SwitchStatus => {
      const row = last.get(platform) as { id: string; case_id: string; toggle_state: ToggleState; toggle_confirmed_by: string | null; at: string; source_url: string | null } | undefined;
      const daysSince = row ? Math.max(0, Math.floor((now - Date.parse(row.at)) / DAY_MS)) : null;
      return {
        platform,
        platformName: names.get(platform) ?? platform,
        caseIds: byPlatform.get(platform)!,
        last: row
          ? { evidenceId: row.id, caseId: row.case_id, state: row.toggle_state, confirmedBy: row.toggle_confirmed_by === 'hand' ? 'hand' : 'page', capturedAt: row.at, url: row.source_url }
          : null,
        daysSince,
        due: !row || now - Date.parse(row.at) > SWITCH_RECAPTURE_DAYS * DAY_MS,
      };
    });
  });
}
