// Renders bench results (JSON lines) as a Markdown table with ours/peer ratios.
//   node report.mjs results.jsonl
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const peerOf = { 'ours-postgres': 'graphile-worker', 'ours-redis': 'bullmq' };
const f = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : Number(x).toFixed(d));
const find = (system, workers) => rows.find((r) => r.system === system && r.workers === workers);

console.log('| system | workers | jobs | enqueue s | drain s | jobs/s (enqueue+claim+ack) | ours/peer jobs/s | claim p50 ms | claim p99 ms | pickup p50 ms | pickup p99 ms | ours/peer pickup p50 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const peer = peerOf[r.system] ? find(peerOf[r.system], r.workers) : null;
  const ratio = peer ? f(r.jobs_per_s / peer.jobs_per_s, 2) : '';
  const pickupRatio = peer ? f(r.pickup_p50_ms / peer.pickup_p50_ms, 2) : '';
  console.log(`| ${r.system} | ${r.workers} | ${r.jobs} | ${f(r.enqueue_s, 2)} | ${f(r.drain_s, 2)} | ${f(r.jobs_per_s)} | ${ratio} | ${f(r.claim_p50_ms, 3)} | ${f(r.claim_p99_ms, 3)} | ${f(r.pickup_p50_ms, 2)} | ${f(r.pickup_p99_ms, 2)} | ${pickupRatio} |`);
}
