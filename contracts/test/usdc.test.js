'use strict';
const { describe, it, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { ethers } = require('ethers');
const { startAnvil, deploySystem, usdcUnits, send, reverts, CHAIN_ID } = require('./chain');

const TYPES = {
  TransferWithAuthorization: ['from', 'to', 'value', 'validAfter', 'validBefore', 'nonce'],
  ReceiveWithAuthorization: ['from', 'to', 'value', 'validAfter', 'validBefore', 'nonce'],
};
function types(primary) {
  const kinds = { from: 'address', to: 'address', value: 'uint256', validAfter: 'uint256', validBefore: 'uint256', nonce: 'bytes32' };
  return { [primary]: TYPES[primary].map((name) => ({ name, type: kinds[name] })) };
}

describe('TestUSDC (EIP-3009)', () => {
  let chain, usdc, domain, snap;
  before(async () => {
    chain = await startAnvil();
    ({ usdc } = await deploySystem(chain));
    domain = { name: 'USDC', version: '2', chainId: CHAIN_ID, verifyingContract: await usdc.getAddress() };
  });
  after(async () => chain && chain.stop());
  beforeEach(async () => { snap = await chain.snapshot(); });
  afterEach(async () => chain.revert(snap));

  const as = (who) => usdc.connect(chain.wallets[who]);

  async function authorize(primary, overrides = {}, signer = 'poster') {
    const now = await chain.now();
    const msg = { from: chain.addr.poster, to: chain.addr.winner, value: usdcUnits(10), validAfter: 0,
      validBefore: now + 3600, nonce: ethers.hexlify(ethers.randomBytes(32)), ...overrides };
    const sig = ethers.Signature.from(await new ethers.Wallet(chain.keys[signer]).signTypedData(domain, types(primary), msg));
    return { msg, args: [msg.from, msg.to, msg.value, msg.validAfter, msg.validBefore, msg.nonce, sig.v, sig.r, sig.s] };
  }

  it('has 6 decimals, version 2, and USDC\'s typehashes and EIP-712 domain', async () => {
    assert.equal(await usdc.decimals(), 6n);
    assert.equal(await usdc.version(), '2');
    assert.equal(await usdc.TRANSFER_WITH_AUTHORIZATION_TYPEHASH(), '0x7c7c6cdb67a18743f49ec6fa9b35f50d52ed05cbed4cc592e13b44501c1a2267');
    assert.equal(await usdc.RECEIVE_WITH_AUTHORIZATION_TYPEHASH(), '0xd099cc98ef71107a616c4f0f941f04c322d8e254fe26b3c6668db87aae413de8');
    assert.equal(await usdc.CANCEL_AUTHORIZATION_TYPEHASH(), '0x158b0a9edf7a828aad02f63cd515c68ef2f50ba807396f6d12842833a1597429');
    assert.equal(await usdc.DOMAIN_SEPARATOR(), ethers.TypedDataEncoder.hashDomain(domain));
  });

  it('a signed transfer authorization moves the tokens once; a replay reverts', async () => {
    const { msg, args } = await authorize('TransferWithAuthorization');
    await send(as('other').transferWithAuthorization(...args)); // anyone may submit it
    assert.equal(await usdc.balanceOf(chain.addr.winner), msg.value);
    assert.equal(await usdc.authorizationState(msg.from, msg.nonce), true);
    await reverts(as('other').transferWithAuthorization(...args), 'AuthorizationUsedOrCanceled');
    assert.equal(await usdc.balanceOf(chain.addr.winner), msg.value);
  });

  it('an authorization signed by someone else, or altered after signing, reverts', async () => {
    const forged = await authorize('TransferWithAuthorization', {}, 'other');
    await reverts(as('other').transferWithAuthorization(...forged.args), 'InvalidSignature');
    const { args } = await authorize('TransferWithAuthorization');
    args[2] = usdcUnits(11);
    await reverts(as('other').transferWithAuthorization(...args), 'InvalidSignature');
    assert.equal(await usdc.balanceOf(chain.addr.winner), 0n);
  });

  it('an authorization is refused before validAfter and from validBefore on (both strict)', async () => {
    const now = await chain.now();
    const early = await authorize('TransferWithAuthorization', { validAfter: now + 1000 });
    await reverts(as('other').transferWithAuthorization(...early.args), 'AuthorizationNotYetValid');
    const late = await authorize('TransferWithAuthorization', { validBefore: now + 10 });
    await chain.increaseTime(20);
    await reverts(as('other').transferWithAuthorization(...late.args), 'AuthorizationExpired');
  });

  it('a receive authorization is accepted only from the payee', async () => {
    const { msg, args } = await authorize('ReceiveWithAuthorization');
    await reverts(as('other').receiveWithAuthorization(...args), 'CallerMustBePayee');
    await send(as('winner').receiveWithAuthorization(...args));
    assert.equal(await usdc.balanceOf(chain.addr.winner), msg.value);
    // A transfer-typed signature is not a receive authorization.
    const t = await authorize('TransferWithAuthorization');
    await reverts(as('winner').receiveWithAuthorization(...t.args), 'InvalidSignature');
  });

  it('a cancelled authorization can no longer be used, and only the authorizer can cancel', async () => {
    const { msg, args } = await authorize('TransferWithAuthorization');
    const cancelTypes = { CancelAuthorization: [{ name: 'authorizer', type: 'address' }, { name: 'nonce', type: 'bytes32' }] };
    const bad = ethers.Signature.from(await new ethers.Wallet(chain.keys.other).signTypedData(domain, cancelTypes,
      { authorizer: msg.from, nonce: msg.nonce }));
    await reverts(as('other').cancelAuthorization(msg.from, msg.nonce, bad.v, bad.r, bad.s), 'InvalidSignature');
    const sig = ethers.Signature.from(await new ethers.Wallet(chain.keys.poster).signTypedData(domain, cancelTypes,
      { authorizer: msg.from, nonce: msg.nonce }));
    await send(as('other').cancelAuthorization(msg.from, msg.nonce, sig.v, sig.r, sig.s));
    await reverts(as('other').transferWithAuthorization(...args), 'AuthorizationUsedOrCanceled');
    await reverts(as('other').cancelAuthorization(msg.from, msg.nonce, sig.v, sig.r, sig.s), 'AuthorizationUsedOrCanceled');
  });

  it('a blacklisted account can neither send nor receive, and only the blacklister can list', async () => {
    await reverts(as('other').setBlacklisted(chain.addr.winner, true), 'NotBlacklister');
    await send(as('deployer').setBlacklisted(chain.addr.winner, true));
    await reverts(as('poster').transfer(chain.addr.winner, 1n), 'AccountBlacklisted');
    await send(as('deployer').setBlacklisted(chain.addr.winner, false));
    await send(as('poster').transfer(chain.addr.winner, 1n));
    assert.equal(await usdc.balanceOf(chain.addr.winner), 1n);
  });
});
