// Gas per escrow function on a fresh Anvil, beside a plain ERC-20 transfer measured in the same run.
// Run on demand: `npm run gas` (not a test; the numbers are facts about this build, not assertions).
'use strict';
const { ethers } = require('ethers');
const { startAnvil, deploySystem, usdcUnits, CHAIN_ID } = require('../test/chain');

async function main() {
  const chain = await startAnvil();
  const rows = [];
  const gas = async (label, txPromise, per = 1) => {
    const r = await (await txPromise).wait();
    rows.push({ label, gas: r.gasUsed / BigInt(per) });
    return r;
  };
  try {
    const { usdc, escrow, escrowAddress } = await deploySystem(chain);
    const P = (who) => escrow.connect(chain.wallets[who]);
    const amount = usdcUnits(50);
    const deadline = async () => (await chain.now()) + 3600;

    const base = await gas('ERC-20 transfer (baseline, warm recipient)',
      usdc.connect(chain.wallets.other).transfer(chain.addr.poster, 1n));
    await gas('ERC-20 transfer to a fresh address (cold recipient)',
      usdc.connect(chain.wallets.other).transfer(ethers.Wallet.createRandom().address, 1n));
    await gas('ERC-20 approve', usdc.connect(chain.wallets.poster).approve(escrowAddress, ethers.MaxUint256));
    await gas('deposit', P('poster').deposit(ethers.id('g1'), amount, await deadline()));
    await gas('release (winner had no USDC)', P('qa').release(ethers.id('g1'), chain.addr.winner, amount));
    await P('poster').deposit(ethers.id('g2'), amount, await deadline()).then((t) => t.wait());
    await gas('release (winner already holds USDC)', P('qa').release(ethers.id('g2'), chain.addr.winner, amount));

    const ids = Array.from({ length: 10 }, (_, i) => ethers.id(`batch-${i}`));
    const winners = Array.from({ length: 10 }, (_, i) => ethers.Wallet.createRandom().address);
    for (const id of ids) await (await P('poster').deposit(id, amount, await deadline())).wait();
    await gas('releaseBatch of 10, per bounty (fresh winners)', P('qa').releaseBatch(ids, winners, ids.map(() => amount)), 10);
    const single = ethers.id('single-fresh');
    await (await P('poster').deposit(single, amount, await deadline())).wait();
    await gas('release (fresh winner, same as batch items)', P('qa').release(single, ethers.Wallet.createRandom().address, amount));

    await (await P('poster').deposit(ethers.id('g3'), amount, (await chain.now()) + 10)).wait();
    await chain.increaseTime(24 * 3600 + 20);
    await gas('refund', P('poster').refund(ethers.id('g3')));
    await (await P('poster').deposit(ethers.id('g4'), amount, await deadline())).wait();
    await gas('emergencyWithdraw', P('multisig').emergencyWithdraw(ethers.id('g4'), chain.addr.multisig));

    await (await usdc.setBlacklisted(chain.addr.other, true)).wait();
    await (await P('poster').deposit(ethers.id('g5'), amount, await deadline())).wait();
    await gas('release to a blacklisted winner (deferred)', P('qa').release(ethers.id('g5'), chain.addr.other, amount));
    await (await usdc.setBlacklisted(chain.addr.other, false)).wait();
    await gas('withdrawOwed', P('other').withdrawOwed(chain.addr.other));

    const domain = { name: 'USDC', version: '2', chainId: CHAIN_ID, verifyingContract: await usdc.getAddress() };
    const types = { TransferWithAuthorization: [
      { name: 'from', type: 'address' }, { name: 'to', type: 'address' }, { name: 'value', type: 'uint256' },
      { name: 'validAfter', type: 'uint256' }, { name: 'validBefore', type: 'uint256' }, { name: 'nonce', type: 'bytes32' }] };
    const msg = { from: chain.addr.poster, to: chain.addr.winner, value: 1n, validAfter: 0,
      validBefore: (await chain.now()) + 3600, nonce: ethers.hexlify(ethers.randomBytes(32)) };
    const sig = ethers.Signature.from(await new ethers.Wallet(chain.keys.poster).signTypedData(domain, types, msg));
    await gas('TestUSDC transferWithAuthorization (EIP-3009)', usdc.connect(chain.wallets.other)
      .transferWithAuthorization(msg.from, msg.to, msg.value, msg.validAfter, msg.validBefore, msg.nonce, sig.v, sig.r, sig.s));

    const baseline = base.gasUsed;
    const width = Math.max(...rows.map((r) => r.label.length));
    console.log(`${'function'.padEnd(width)} | ${'gas'.padStart(8)} | x ERC-20 transfer`);
    console.log(`${'-'.repeat(width)}-|-${'-'.repeat(8)}-|------------------`);
    for (const r of rows) {
      const ratio = Number((r.gas * 100n) / baseline) / 100;
      console.log(`${r.label.padEnd(width)} | ${r.gas.toString().padStart(8)} | ${ratio.toFixed(2)}`);
    }
  } finally {
    await chain.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
