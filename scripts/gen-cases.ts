// Generates a data folder with many cases and events for benchmarks and manual checks (never committed):
//   npx tsx scripts/gen-cases.ts --data-dir DIR [--cases 10000] [--events 100000] [--seed 1]
// Rows go in with plain SQL in one transaction (the API would take minutes); each case's derived rows are then
// rebuilt by the same code the app uses, so the dashboard sees exactly what it would after real edits.
import { addDays, format, parseISO } from 'date-fns';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../electron/core';
import { refreshIndex } from '../electron/core/tracking/service';

const COUNTRIES = ['DE', 'FR', 'IE', 'GB', 'GB', 'ES', 'IT', 'NL', 'PL', 'AT', 'US'];
const FIRST = ['Maria', 'Tom', 'Zofia', 'Νίκος', 'Ελένη', 'Jan', 'Aoife', 'Łukasz', 'Priya', 'Sven', 'Chiara', 'Małgorzata'];
const LAST = ['Müller', 'Baker', 'Łukasiewicz', 'Παπαδόπουλος', 'Kowalski', 'Murphy', 'Rossi', 'de Vries', 'García', 'Novak'];
const AUTHORITY: Record<string, string> = { GB: 'ico', FR: 'cnil', DE: 'hmbbfdi', ES: 'aepd', IT: 'garante', NL: 'ap' };

/** mulberry32: a small seeded generator, so every run builds the same fixture. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenOptions {
  cases: number;
  events: number;
  seed?: number;
  /** The last date an event may have (events never lie in the future). */
  today?: string;
}

export function generate(core: Core, o: GenOptions): { cases: number; events: number } {
  const r = rng(o.seed ?? 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const today = o.today ?? format(new Date(), 'yyyy-MM-dd');
  const db = core.ctx.db;
  const insCase = db.prepare(
    `INSERT INTO cases (id, title, platform, country, name, email, status, status_reason, created_at, updated_at)
     VALUES (?, ?, 'linkedin', ?, ?, ?, 'draft', NULL, ?, ?)`,
  );
  const insEvent = db.prepare(
    `INSERT INTO case_events (id, case_id, type, on_date, received_on, channel, authority, ref, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  const countries: string[] = [];
  let events = 0;
  db.transaction(() => {
    for (let i = 0; i < o.cases; i++) {
      const id = `case_gen${String(i).padStart(6, '0')}`;
      const country = pick(COUNTRIES);
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const created = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00.000Z`;
      insCase.run(id, `Objection ${i} (${country})`, country, name, `member${i}@example.org`, created, created);
      ids.push(id);
      countries.push(country);
    }
    // Spread the events so the total is exact: each case gets a share, in a possible order.
    for (let i = 0; i < o.cases; i++) {
      const share = Math.floor(o.events / o.cases) + (i < o.events % o.cases ? 1 : 0);
      if (!share) continue;
      const id = ids[i];
      let day = format(addDays(parseISO(today), -Math.floor(20 + r() * 500)), 'yyyy-MM-dd');
      const plan: string[] = ['request_sent'];
      const outcome = r();
      for (let k = 1; k < share; k++) plan.push('note');
      if (share > 2) plan[share - 1] = outcome < 0.3 ? 'response_received' : outcome < 0.5 ? 'reminder_sent' : 'note';
      if (share > 4 && outcome < 0.15) (plan[share - 2] = 'response_received'), (plan[share - 1] = 'complaint_filed');
      for (let k = 0; k < share; k++) {
        const type = plan[k];
        const on = day > today ? today : day;
        const country = countries[i];
        insEvent.run(
          `evt_gen${String(events).padStart(7, '0')}`,
          id,
          type,
          on,
          type === 'request_sent' ? 'webform' : null,
          type === 'complaint_filed' ? (AUTHORITY[country] ?? 'dpc') : null,
          type === 'request_sent' ? `LI-${100000 + i}` : null,
          type === 'note' ? `Note ${k} on case ${i}: Zażółć gęślą jaźń, Καλημέρα.` : null,
          `${on}T10:00:${String(k % 60).padStart(2, '0')}.000Z`,
          `${on}T10:00:00.000Z`,
        );
        events++;
        day = format(addDays(parseISO(day), 1 + Math.floor(r() * 6)), 'yyyy-MM-dd');
      }
    }
    for (const id of ids) refreshIndex(core.ctx, id);
  })();
  return { cases: o.cases, events };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback?: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const dataDir = arg('data-dir');
  if (!dataDir) {
    console.error('Usage: npx tsx scripts/gen-cases.ts --data-dir DIR [--cases 10000] [--events 100000] [--seed 1]');
    process.exit(2);
  }
  const core = createCore({ dataDir, host: 'cli' });
  const started = performance.now();
  const made = generate(core, { cases: Number(arg('cases', '10000')), events: Number(arg('events', '100000')), seed: Number(arg('seed', '1')) });
  core.close();
  console.log(`Wrote ${made.cases} cases and ${made.events} events to ${dataDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
