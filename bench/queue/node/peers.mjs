// Peer queues measured the same way as QueueBench (see ../README.md):
//   node peers.mjs graphile <postgres-url> <jobs> <rate/s> <workers...>
//   node peers.mjs bullmq   <redis-url>    <jobs> <rate/s> <workers...>
// Prints one JSON line per worker count (the last of WARMUP + 1 rounds, each on a fresh queue). Claim latency is not observable from outside these
// libraries, so only throughput and pickup latency (enqueue start -> handler start) are reported.
import { randomUUID } from 'node:crypto';

const [kind, url, jobsArg, rateArg, ...workerArgs] = process.argv.slice(2);
const jobs = Number(jobsArg);
const rate = Number(rateArg);
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted, p) => (sorted.length ? sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);

async function pooled(n, count, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    for (let i = next++; i < count; i = next++) await fn(i);
  }));
}

async function graphile(workers) {
  const { makeWorkerUtils, run, Logger } = await import('graphile-worker');
  const schema = `bench_graphile_${randomUUID().slice(0, 6)}`;
  const logger = new Logger(() => () => {});
  const common = { connectionString: url, schema, logger };
  const utils = await makeWorkerUtils({ ...common });
  await utils.migrate();
  let done = 0;
  let onDone = null;
  const pickups = [];
  let phase = 'drain';
  const taskList = {
    noop: async (payload) => {
      if (phase === 'pickup') pickups.push(now() - payload.t);
      done++;
      if (onDone && onDone()) onDone = null;
    },
  };
  const t0 = now();
  await pooled(workers, jobs, () => utils.addJob('noop', {}));
  const t1 = now();
  const drained = new Promise((resolve) => { onDone = () => (done >= jobs ? (resolve(), true) : false); });
  const runner = await run({ ...common, concurrency: workers, maxPoolSize: workers + 4, noHandleSignals: true, pollInterval: 2000, taskList });
  await drained;
  const t2 = now();
  const pickupCount = Math.max(50, rate * 2);
  phase = 'pickup';
  done = 0;
  const picked = new Promise((resolve) => { onDone = () => (done >= pickupCount ? (resolve(), true) : false); });
  await sleep(300);
  const start = now();
  for (let i = 0; i < pickupCount; i++) {
    const due = start + (1000 * i) / rate;
    while (now() < due) await sleep(Math.max(0, due - now()));
    await utils.addJob('noop', { t: now() });
  }
  await picked;
  await runner.stop();
  await utils.withPgClient((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
  await utils.release();
  return report('graphile-worker', workers, t0, t1, t2, pickups);
}

async function bullmq(workers) {
  const { Queue, Worker } = await import('bullmq');
  const u = new URL(url);
  const connection = { host: u.hostname, port: Number(u.port || 6379), maxRetriesPerRequest: null };
  const name = `bench-${randomUUID().slice(0, 6)}`;
  const prefix = 'benchbull';
  const queue = new Queue(name, { connection, prefix, defaultJobOptions: { removeOnComplete: true, removeOnFail: true } });
  let done = 0;
  let onDone = null;
  const pickups = [];
  let phase = 'drain';
  const worker = new Worker(name, async (job) => {
    if (phase === 'pickup') pickups.push(now() - job.data.t);
    done++;
    if (onDone && onDone()) onDone = null;
  }, { connection, prefix, concurrency: workers, autorun: false });
  const t0 = now();
  await pooled(workers, jobs, () => queue.add('noop', {}));
  const t1 = now();
  const drained = new Promise((resolve) => { onDone = () => (done >= jobs ? (resolve(), true) : false); });
  worker.run();
  await drained;
  const t2 = now();
  const pickupCount = Math.max(50, rate * 2);
  phase = 'pickup';
  done = 0;
  const picked = new Promise((resolve) => { onDone = () => (done >= pickupCount ? (resolve(), true) : false); });
  await sleep(300);
  const start = now();
  for (let i = 0; i < pickupCount; i++) {
    const due = start + (1000 * i) / rate;
    while (now() < due) await sleep(Math.max(0, due - now()));
    await queue.add('noop', { t: now() });
  }
  await picked;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return report('bullmq', workers, t0, t1, t2, pickups);
}

function report(system, workers, t0, t1, t2, pickups) {
  pickups.sort((a, b) => a - b);
  const enqueue_s = (t1 - t0) / 1000;
  const drain_s = (t2 - t1) / 1000;
  return {
    system, workers, jobs, enqueue_s, drain_s, jobs_per_s: jobs / (enqueue_s + drain_s),
    claim_p50_ms: null, claim_p99_ms: null, pickup_p50_ms: pct(pickups, 50), pickup_p99_ms: pct(pickups, 99),
  };
}

// Unmeasured warm-up rounds first (WARMUP, default 2), exactly as QueueBench does.
const warmups = Number(process.env.WARMUP ?? 2);
for (const w of workerArgs.map(Number)) {
  let result;
  for (let round = 0; round <= warmups; round++) {
    result = kind === 'graphile' ? await graphile(w) : await bullmq(w);
  }
  console.log(JSON.stringify(result));
}
process.exit(0);
