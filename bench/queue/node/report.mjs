// Renders bench results (JSON lines) as a Markdown table with ours/peer ratios.
//   node report.mjs results.jsonl
// With REPEAT > 1 each system has several lines per worker count, written in pairs (ours, then its
// peer, in the same repetition): the table shows each system's median, and the ratio column the
// median of the paired ratios with their range, because this shared VM drifts by more than the gap
// being measured (a pair runs back to back, so drift mostly cancels within a pair).
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const peerOf = { 'ours-postgres': 'graphile-worker', 'ours-redis': 'bullmq' };
const f = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : Number(x).toFixed(d));
const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const groups = new Map(); // "system|workers" -> runs, in the order of the first run
for (const r of rows) {
  const key = `${r.system}|${r.workers}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(r);
}
const fields = ['enqueue_s', 'drain_s', 'jobs_per_s', 'claim_p50_ms', 'claim_p99_ms', 'pickup_p50_ms', 'pickup_p99_ms'];
const summary = (runs) => Object.fromEntries(fields.map((k) => [k, median(runs.map((r) => r[k]))]));

console.log('| system | workers | runs | enqueue s | drain s | jobs/s (enqueue+claim+ack) | ours/peer jobs/s (range) | claim p50 ms | claim p99 ms | pickup p50 ms | pickup p99 ms | ours/peer pickup p50 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [key, runs] of groups) {
  const [system, workers] = key.split('|');
  const m = summary(runs);
  let ratio = '';
  let pickupRatio = '';
  const peerRuns = peerOf[system] ? groups.get(`${peerOf[system]}|${workers}`) : null;
  if (peerRuns) {
    const n = Math.min(runs.length, peerRuns.length);
    const paired = Array.from({ length: n }, (_, i) => runs[i].jobs_per_s / peerRuns[i].jobs_per_s);
    ratio = f(median(paired), 2) + (n > 1 ? ` (${f(Math.min(...paired), 2)}–${f(Math.max(...paired), 2)})` : '');
    pickupRatio = f(median(Array.from({ length: n }, (_, i) => runs[i].pickup_p50_ms / peerRuns[i].pickup_p50_ms)), 2);
  }
  console.log(`| ${system} | ${workers} | ${runs.length} | ${f(m.enqueue_s, 2)} | ${f(m.drain_s, 2)} | ${f(m.jobs_per_s)} | ${ratio} | ${f(m.claim_p50_ms, 3)} | ${f(m.claim_p99_ms, 3)} | ${f(m.pickup_p50_ms, 2)} | ${f(m.pickup_p99_ms, 2)} | ${pickupRatio} |`);
}
