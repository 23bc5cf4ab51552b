// Random action sequences against the real contracts, compared with a small model after every step.
// Invariants: open escrows + owed sum to the token balance held; a bounty's funds leave once; only QA
// releases; a refund succeeds only from deadline + 24 h on. Reproduce a failure with FUZZ_SEED=<seed>.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { ethers } = require('ethers');
const { startAnvil, deploySystem, usdcUnits } = require('./chain');

const DAY = 24 * 3600;
const RUNS = Number(process.env.FUZZ_RUNS || 4);
const STEPS = Number(process.env.FUZZ_STEPS || 60);

function prng(seed) { // mulberry32: small, seedable, good enough to pick actions
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('MoldTankEscrow invariants under random sequences', () => {
  let chain, sys;
  before(async () => {
    chain = await startAnvil();
    sys = await deploySystem(chain);
    for (const who of ['poster', 'other']) {
      await (await sys.usdc.connect(chain.wallets[who]).approve(sys.escrowAddress, ethers.MaxUint256)).wait();
    }
  });
  after(async () => chain && chain.stop());

  const baseSeed = Number(process.env.FUZZ_SEED || Date.now() % 1_000_000);
  for (let run = 0; run < RUNS; run++) {
    const seed = baseSeed + run;
    it(`seed ${seed}: every step keeps the invariants`, async () => {
      const snap = await chain.snapshot();
      try {
        await fuzz(chain, sys, prng(seed));
      } finally {
        await chain.revert(snap);
      }
    });
  }
});

async function fuzz(chain, { usdc, escrow, escrowAddress }, rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const actors = ['qa', 'poster', 'other', 'winner', 'multisig'];
  const model = new Map(); // id -> { payer, amount, deadline, state }
  const owed = new Map();
  const exits = new Map(); // id -> number of Released/Refunded/EmergencyWithdrawn events
  let blacklisted = false;
  let nextId = 0;

  const ids = () => [...model.keys(), ethers.id('never-deposited')];
  for (let step = 0; step < STEPS; step++) {
    const action = pick(['deposit', 'deposit', 'release', 'release', 'refund', 'emergency', 'time', 'blacklist', 'withdrawOwed']);
    const who = pick(actors);
    const c = escrow.connect(chain.wallets[who]);
    const now = await chain.now();
    let expectOk, run, onOk = () => {};
    if (action === 'deposit') {
      const payer = pick(['poster', 'other']);
      const id = rnd() < 0.1 && model.size ? pick([...model.keys()]) : ethers.id(`fuzz-${nextId++}`);
      const amount = BigInt(1 + Math.floor(rnd() * 1000)) * 10_000n;
      const deadline = now + 1 + Math.floor(rnd() * 2 * DAY);
      expectOk = !model.has(id);
      run = () => escrow.connect(chain.wallets[payer]).deposit(id, amount, deadline);
      // The block that mines the deposit is 1 s later at most: deadline stays > timestamp.
      onOk = () => model.set(id, { payer: chain.addr[payer], amount, deadline, state: 'held' });
    } else if (action === 'release') {
      const id = pick(ids());
      const deal = model.get(id);
      const to = pick(['winner', 'other']);
      const amount = deal && rnd() < 0.9 ? deal.amount : 1n;
      expectOk = who === 'qa' && deal?.state === 'held' && amount === deal.amount;
      run = () => c.release(id, chain.addr[to], amount);
      onOk = () => {
        deal.state = 'released';
        if (blacklisted && to === 'winner') owed.set('winner', (owed.get('winner') || 0n) + amount);
      };
    } else if (action === 'refund') {
      // Biased towards the interesting case: a held deal, refunded by its own payer, near its deadline.
      const held = [...model.entries()].filter(([, d]) => d.state === 'held');
      const id = held.length && rnd() < 0.8 ? pick(held)[0] : pick(ids());
      const deal = model.get(id);
      const byPayer = deal && rnd() < 0.7;
      const refunder = byPayer ? Object.keys(chain.addr).find((k) => chain.addr[k] === deal.payer) : who;
      // The refund's block is mined at now + 1 at least.
      const mayRefund = deal?.state === 'held' && deal.payer === chain.addr[refunder];
      const timeOk = deal && now + 1 >= deal.deadline + DAY;
      const timeUnsure = deal && now + 1 < deal.deadline + DAY && now + 3 >= deal.deadline + DAY;
      if (timeUnsure) continue; // the next block's timestamp decides; skip the ambiguous second
      expectOk = mayRefund && timeOk;
      run = () => escrow.connect(chain.wallets[refunder]).refund(id);
      onOk = () => { deal.state = 'refunded'; };
    } else if (action === 'emergency') {
      const id = pick(ids());
      const deal = model.get(id);
      expectOk = who === 'multisig' && deal?.state === 'held';
      run = () => c.emergencyWithdraw(id, chain.addr.multisig);
      onOk = () => { deal.state = 'withdrawn'; };
    } else if (action === 'time') {
      await chain.increaseTime(Math.floor(rnd() * DAY));
      continue;
    } else if (action === 'blacklist') {
      blacklisted = !blacklisted;
      await (await usdc.connect(chain.wallets.deployer).setBlacklisted(chain.addr.winner, blacklisted)).wait();
      continue;
    } else {
      const to = pick(['winner', 'other']);
      expectOk = who === 'winner' && (owed.get('winner') || 0n) > 0n && !(blacklisted && to === 'winner');
      run = () => c.withdrawOwed(chain.addr[to]);
      onOk = () => owed.set('winner', 0n);
    }

    let receipt = null;
    try {
      receipt = await (await run()).wait();
    } catch (e) {
      if (expectOk) throw new Error(`step ${step} ${action} by ${who} should succeed: ${e.shortMessage ?? e.message}`);
    }
    if (receipt && !expectOk) throw new Error(`step ${step} ${action} should have reverted`);
    if (receipt) {
      onOk();
      for (const log of receipt.logs) {
        const ev = escrow.interface.parseLog(log);
        if (ev && ['Released', 'Refunded', 'EmergencyWithdrawn'].includes(ev.name)) {
          exits.set(ev.args.bountyId, (exits.get(ev.args.bountyId) || 0) + 1);
          if (ev.name === 'Released') assert.equal(receipt.from, chain.addr.qa, 'only QA releases');
          if (ev.name === 'Refunded') {
            const block = await chain.provider.getBlock(receipt.blockNumber);
            assert.ok(block.timestamp >= model.get(ev.args.bountyId).deadline + DAY, 'refund only after deadline + 24 h');
          }
        }
      }
    }

    const held = [...model.values()].filter((d) => d.state === 'held').reduce((s, d) => s + d.amount, 0n);
    const totalOwed = await escrow.totalOwed();
    assert.equal(totalOwed, [...owed.values()].reduce((s, v) => s + v, 0n), 'owed matches the model');
    assert.equal(await usdc.balanceOf(escrowAddress), held + totalOwed, 'open escrows + owed = token balance');
    for (const [id, n] of exits) assert.equal(n, 1, `bounty ${id} funds left ${n} times`);
  }
  // Guard against a vacuous run: the sequence must have moved money.
  assert.ok(model.size > 0, 'the run made at least one deposit');
}
