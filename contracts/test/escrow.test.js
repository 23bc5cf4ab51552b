'use strict';
const { describe, it, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { ethers } = require('ethers');
const { startAnvil, deploySystem, usdcUnits, send, reverts } = require('./chain');

const DAY = 24 * 3600;

describe('MoldTankEscrow', () => {
  let chain, usdc, escrow, escrowAddress, snap;
  const id = ethers.id('bounty-1');
  const amount = usdcUnits(50);

  before(async () => {
    chain = await startAnvil();
    ({ usdc, escrow, escrowAddress } = await deploySystem(chain));
  });
  after(async () => chain && chain.stop());
  beforeEach(async () => { snap = await chain.snapshot(); });
  afterEach(async () => chain.revert(snap));

  const as = (who) => escrow.connect(chain.wallets[who]);
  const token = (who) => usdc.connect(chain.wallets[who]);
  async function deposit(bountyId = id, value = amount, who = 'poster', deadlineIn = 3 * DAY) {
    await send(token(who).approve(escrowAddress, value));
    return send(as(who).deposit(bountyId, value, (await chain.now()) + deadlineIn));
  }

  it('a deposit pulls the tokens, records the deal and emits Deposited', async () => {
    const before = await usdc.balanceOf(chain.addr.poster);
    const receipt = await deposit();
    const ev = receipt.logs.map((l) => escrow.interface.parseLog(l)).find((l) => l && l.name === 'Deposited');
    assert.equal(ev.args.bountyId, id);
    assert.equal(ev.args.payer, chain.addr.poster);
    assert.equal(ev.args.amount, amount);
    assert.equal(await usdc.balanceOf(escrowAddress), amount);
    assert.equal(await usdc.balanceOf(chain.addr.poster), before - amount);
    const deal = await escrow.dealOf(id);
    assert.equal(deal.payer, chain.addr.poster);
    assert.equal(deal.status, 1n);
    assert.equal(deal.amount, amount);
  });

  it('a deposit of zero, a duplicate bounty id, or a deadline out of range reverts', async () => {
    const now = await chain.now();
    await reverts(as('poster').deposit(id, 0, now + DAY), 'ZeroAmount');
    await reverts(as('poster').deposit(id, amount, now), 'DeadlineOutOfRange');
    await reverts(as('poster').deposit(id, amount, now + 366 * DAY), 'DeadlineOutOfRange');
    await deposit();
    await reverts(as('other').deposit(id, amount, now + DAY), 'DealExists');
  });

  it('a deposit without allowance reverts with the token error and stores nothing', async () => {
    await reverts(as('poster').deposit(id, amount, (await chain.now()) + DAY), 'ERC20InsufficientAllowance');
    assert.equal((await escrow.dealOf(id)).status, 0n);
  });

  it('QA releases the whole deal to the winner exactly once', async () => {
    await deposit();
    const receipt = await send(as('qa').release(id, chain.addr.winner, amount));
    const names = receipt.logs.map((l) => escrow.interface.parseLog(l)).filter(Boolean).map((l) => l.name);
    assert.deepEqual(names, ['Released']);
    assert.equal(await usdc.balanceOf(chain.addr.winner), amount);
    assert.equal(await usdc.balanceOf(escrowAddress), 0n);
    const args = await reverts(as('qa').release(id, chain.addr.winner, amount), 'NotHeld');
    assert.equal(args[1], 2n); // Released
  });

  it('a release by anyone but QA reverts', async () => {
    await deposit();
    for (const who of ['poster', 'winner', 'multisig', 'deployer']) {
      await reverts(as(who).release(id, chain.addr[who], amount), 'AccessControlUnauthorizedAccount');
    }
    assert.equal(await usdc.balanceOf(escrowAddress), amount);
  });

  it('a release of a different amount, to the zero address or of an unknown bounty reverts', async () => {
    await deposit();
    await reverts(as('qa').release(id, chain.addr.winner, amount - 1n), 'AmountMismatch');
    await reverts(as('qa').release(id, ethers.ZeroAddress, amount), 'ZeroAddress');
    await reverts(as('qa').release(ethers.id('nope'), chain.addr.winner, amount), 'NotHeld');
  });

  it('a release to a blacklisted winner is owed to them and withdrawn later to another address', async () => {
    await deposit();
    await send(token('deployer').setBlacklisted(chain.addr.winner, true));
    const receipt = await send(as('qa').release(id, chain.addr.winner, amount));
    const names = receipt.logs.map((l) => escrow.interface.parseLog(l)).filter(Boolean).map((l) => l.name);
    assert.deepEqual(names, ['Released', 'ReleaseDeferred']);
    assert.equal(await escrow.owed(chain.addr.winner), amount);
    assert.equal(await escrow.totalOwed(), amount);
    assert.equal(await usdc.balanceOf(escrowAddress), amount);
    await reverts(as('winner').withdrawOwed(chain.addr.winner), 'AccountBlacklisted');
    await send(as('winner').withdrawOwed(chain.addr.other));
    assert.equal(await usdc.balanceOf(escrowAddress), 0n);
    assert.equal(await escrow.totalOwed(), 0n);
    await reverts(as('winner').withdrawOwed(chain.addr.other), 'NothingOwed');
    await reverts(as('winner').withdrawOwed(ethers.ZeroAddress), 'ZeroAddress');
  });

  it('the poster is refunded only after deadline plus 24 hours, and only once', async () => {
    await deposit(id, amount, 'poster', DAY);
    const before = await usdc.balanceOf(chain.addr.poster);
    await reverts(as('poster').refund(id), 'TooEarly');
    await chain.increaseTime(DAY + DAY - 60);
    await reverts(as('poster').refund(id), 'TooEarly');
    await chain.increaseTime(120);
    await reverts(as('other').refund(id), 'NotPayer');
    await send(as('poster').refund(id));
    assert.equal(await usdc.balanceOf(chain.addr.poster), before + amount);
    await reverts(as('poster').refund(id), 'NotHeld');
    await reverts(as('qa').release(id, chain.addr.winner, amount), 'NotHeld');
  });

  it('a released bounty cannot be refunded', async () => {
    await deposit(id, amount, 'poster', DAY);
    await send(as('qa').release(id, chain.addr.winner, amount));
    await chain.increaseTime(3 * DAY);
    await reverts(as('poster').refund(id), 'NotHeld');
  });

  it('only the multisig can emergency-withdraw a held deal, once', async () => {
    await deposit();
    await reverts(as('qa').emergencyWithdraw(id, chain.addr.qa), 'AccessControlUnauthorizedAccount');
    await reverts(as('poster').emergencyWithdraw(id, chain.addr.poster), 'AccessControlUnauthorizedAccount');
    await reverts(as('multisig').emergencyWithdraw(id, ethers.ZeroAddress), 'ZeroAddress');
    await send(as('multisig').emergencyWithdraw(id, chain.addr.other));
    assert.equal((await escrow.dealOf(id)).status, 4n);
    await reverts(as('multisig').emergencyWithdraw(id, chain.addr.other), 'NotHeld');
    await reverts(as('qa').release(id, chain.addr.winner, amount), 'NotHeld');
  });

  it('a batch release pays every winner, and one bad item reverts the whole batch', async () => {
    const ids = [1, 2, 3].map((n) => ethers.id(`batch-${n}`));
    for (const b of ids) await deposit(b);
    const winners = ids.map(() => chain.addr.winner);
    const amounts = ids.map(() => amount);
    await reverts(as('qa').releaseBatch(ids, winners, [amount, amount, 1n]), 'AmountMismatch');
    await reverts(as('qa').releaseBatch(ids, winners.slice(1), amounts), 'LengthMismatch');
    await reverts(as('poster').releaseBatch(ids, winners, amounts), 'AccessControlUnauthorizedAccount');
    assert.equal(await usdc.balanceOf(escrowAddress), 3n * amount);
    await send(as('qa').releaseBatch(ids, winners, amounts));
    assert.equal(await usdc.balanceOf(chain.addr.winner), 3n * amount);
  });

  it('the constructor refuses zero addresses and grants each role to its holder', async () => {
    const { artefact } = require('./chain');
    const art = artefact('MoldTankEscrow');
    const f = new ethers.ContractFactory(art.abi, art.bytecode, chain.wallets.deployer);
    await reverts(f.deploy(ethers.ZeroAddress, chain.addr.multisig, chain.addr.qa), 'ZeroAddress');
    await reverts(f.deploy(await usdc.getAddress(), ethers.ZeroAddress, chain.addr.qa), 'ZeroAddress');
    await reverts(f.deploy(await usdc.getAddress(), chain.addr.multisig, ethers.ZeroAddress), 'ZeroAddress');
    assert.ok(await escrow.hasRole(await escrow.QA_ROLE(), chain.addr.qa));
    assert.ok(await escrow.hasRole(await escrow.MULTISIG_ROLE(), chain.addr.multisig));
    assert.ok(!(await escrow.hasRole(await escrow.QA_ROLE(), chain.addr.deployer)));
  });
});
