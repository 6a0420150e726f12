// A second Redress process on the same data folder, for the concurrency tests: it opens its own core (as the CLI
// does) and writes in a loop while the test process writes too. Prints one JSON line: what it did, what failed.
import { createCore } from '../../electron/core/index';

interface Job {
  dataDir: string;
  caseId: string;
  mode: 'add-delete' | 'writes';
  count: number;
  /** base64 of the file uploaded (add-delete: the same content each time). */
  payload: string;
}

const job = JSON.parse(process.argv[2]) as Job;
const core = createCore({ dataDir: job.dataDir, host: 'cli' });
const failures: string[] = [];
let done = 0;
const bytes = Buffer.from(job.payload, 'base64');

for (let i = 0; i < job.count; i++) {
  try {
    if (job.mode === 'add-delete') {
      const added = await core.api.call('evidence.upload', { caseId: job.caseId, filename: `race-${i}.png`, dataBase64: job.payload });
      await core.api.call('evidence.delete', { id: added.id, confirm: true });
    } else {
      const k = i % 4;
      if (k === 0) await core.api.call('cases.create', { title: `Writer ${i}`, country: 'DE', name: 'Zofia Łukasiewicz', email: 'z@example.org' });
      else if (k === 1) await core.api.call('evidence.upload', { caseId: job.caseId, filename: `w-${i}.png`, dataBase64: Buffer.concat([bytes, Buffer.from(String(i))]).toString('base64') });
      else if (k === 2) await core.api.call('tracking.addEvent', { caseId: job.caseId, type: 'note', on: '2026-11-20', note: `from the writer ${i}` });
      else await core.api.call('cases.setStatus', { id: job.caseId, status: 'awaiting_response', reason: `writer ${i}` });
    }
    done++;
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  }
}
core.close();
process.stdout.write(JSON.stringify({ done, failures }) + '\n');
