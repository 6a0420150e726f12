// Evidence import throughput against sha256sum over the same files, in one run.
//   npx tsx bench/evidence.ts            ~1 GB of mixed files (default)
//   npx tsx bench/evidence.ts 200        ~200 MB (or REDRESS_BENCH_MB=200)
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createCore } from '../electron/core';
import { PNG_SIGNATURE, pngChunk } from '../electron/core/pdf/png';

const totalMb = Number(process.argv[2] ?? process.env.REDRESS_BENCH_MB ?? 1024);
const root = mkdtempSync(join(tmpdir(), 'redress-bench-'));
const src = join(root, 'src');
mkdirSync(src);


/** A valid PNG of about `bytes` (noise compresses badly, so the file is about as big as its pixels). */
function png(bytes: number): Buffer {
  const width = 1024;
  const height = Math.max(1, Math.floor(bytes / (width * 3 + 1)));
  const raw = randomBytes(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 1 })), pngChunk('IEND', Buffer.alloc(0))]);
}

// The mix: a few large PDFs (recordings, exports), mid-size screenshots, many small emails and letters.
const files: string[] = [];
let written = 0;
const target = totalMb * 1024 * 1024;
const plan: [string, (n: number) => Buffer, number][] = [
  ['pdf', (n) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(n - 16), Buffer.from('\n%%EOF\n')]), 64 * 1024 * 1024],
  ['png', png, 6 * 1024 * 1024],
  ['eml', (n) => Buffer.from(`From: a@example.org\nSubject: Reply\nDate: Tue, 1 Oct 2024 10:00:00 +0000\n\n${'x'.repeat(n)}\n`), 40 * 1024],
];
const share = [0.6, 0.35, 0.05];
for (let k = 0; k < plan.length; k++) {
  const [ext, make, size] = plan[k];
  let budget = target * share[k];
  for (let i = 0; budget > 0; i++) {
    const n = Math.min(size, Math.max(1024, Math.floor(budget)));
    const p = join(src, `${ext}-${i}.${ext}`);
    const data = make(n);
    writeFileSync(p, data);
    files.push(p);
    written += data.length;
    budget -= data.length;
  }
}
const mb = written / 1024 / 1024;
console.log(`Generated ${files.length} files, ${mb.toFixed(0)} MB (${plan.map((p) => p[0]).join(', ')}) in ${src}`);

async function nodeHashOnly(): Promise<number> {
  const t = process.hrtime.bigint();
  for (const f of files) {
    const h = createHash('sha256');
    for await (const c of createReadStream(f, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) h.update(c);
    h.digest();
  }
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function sha256sum(): number {
  const t = process.hrtime.bigint();
  // Batches keep the argument list short; sha256sum reads every byte, as the import does.
  for (let i = 0; i < files.length; i += 200) {
    const r = spawnSync('sha256sum', files.slice(i, i + 200), { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('sha256sum failed');
  }
  return Number(process.hrtime.bigint() - t) / 1e9;
}

async function importAll(): Promise<number> {
  const dataDir = join(root, `data-${Date.now()}`);
  const core = createCore({ dataDir, host: 'cli' });
  const c = await core.api.call('cases.create', { title: 'Bench', country: 'DE', name: 'Bench', email: 'b@example.org' });
  const t = process.hrtime.bigint();
  // Batches of 50 files, as `redress evidence add ID FILE...` takes them; each file is copied while hashed, checked
  // and fsynced, and each batch is one transaction.
  for (let i = 0; i < files.length; i += 50) await core.api.call('evidence.add', { caseId: c.id, paths: files.slice(i, i + 50) });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
  return s;
}

try {
  // Warm the page cache once so that no contender pays for the first read alone.
  sha256sum();
  const rows: [string, number][] = [];
  // Interleaved rounds: the machine is shared, so each contender gets the same conditions on average.
  const rounds = totalMb >= 512 ? 2 : 3;
  const sum = { sha: 0, imp: 0, node: 0 };
  for (let r = 0; r < rounds; r++) {
    sum.sha += sha256sum();
    sum.imp += await importAll();
    sum.node += await nodeHashOnly();
  }
  rows.push(['sha256sum (read + hash)', sum.sha / rounds], ['Redress import (read + hash + copy + fsync + checks + row)', sum.imp / rounds], ['node sha256 stream (read + hash)', sum.node / rounds]);
  const rate = (s: number) => mb / s;
  console.log(`\n${'contender'.padEnd(60)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(8)} ${'vs sha256sum'.padStart(13)}`);
  for (const [name, s] of rows) console.log(`${name.padEnd(60)} ${s.toFixed(2).padStart(8)} ${rate(s).toFixed(0).padStart(8)} ${(rate(s) / rate(rows[0][1])).toFixed(2).padStart(13)}`);
  console.log(`\n${files.length} files, ${mb.toFixed(0)} MB, mean of ${rounds} interleaved rounds; aim: import at >= 0.50 of sha256sum.`);
  console.log(`Per-file size limit: ${(statSync(files[0]).size / 1024 / 1024).toFixed(0)} MB largest here; the store accepts up to 512 MB per file.`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
