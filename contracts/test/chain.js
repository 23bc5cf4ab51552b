// Test fixture: a real Anvil node on 127.0.0.1 with a free port, started per test file and always killed.
'use strict';
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const fs = require('node:fs');
const { ethers } = require('ethers');

const root = path.join(__dirname, '..');
const ANVIL = path.join(root, 'node_modules', '@foundry-rs', 'anvil-linux-amd64', 'bin', 'anvil');
const CHAIN_ID = 31337;
// Anvil's well-known dev accounts (funded with ETH on every fresh node), derived from its default mnemonic.
const MNEMONIC = 'test test test test test test test test test test test junk';
const ROLES = ['deployer', 'qa', 'multisig', 'poster', 'winner', 'other'];
const KEYS = Object.fromEntries(ROLES.map((role, i) =>
  [role, ethers.HDNodeWallet.fromPhrase(MNEMONIC, undefined, `m/44'/60'/0'/0/${i}`).privateKey]));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startAnvil() {
  if (!fs.existsSync(ANVIL)) throw new Error(`anvil not found at ${ANVIL}; run npm ci in contracts/`);
  const port = await freePort();
  const proc = spawn(ANVIL, ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(CHAIN_ID),
    '--hardfork', 'cancun', '--silent'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const provider = new ethers.JsonRpcProvider(url, CHAIN_ID, { staticNetwork: true, cacheTimeout: -1, pollingInterval: 10 });
  provider.pollingInterval = 20;
  const started = Date.now();
  for (;;) {
    try {
      await provider.send('eth_chainId', []);
      break;
    } catch (e) {
      if (proc.exitCode !== null || Date.now() - started > 10_000) {
        proc.kill('SIGKILL');
        throw new Error(`anvil did not answer on ${url}: ${e.message}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const wallets = Object.fromEntries(Object.entries(KEYS).map(([k, v]) => [k, new ethers.Wallet(v, provider)]));
  const addr = Object.fromEntries(Object.entries(KEYS).map(([k, v]) => [k, new ethers.Wallet(v).address]));
  return {
    url, provider, wallets, addr, keys: KEYS,
    async stop() {
      provider.destroy();
      proc.kill('SIGKILL');
    },
    async increaseTime(seconds) {
      await provider.send('evm_increaseTime', [seconds]);
      await provider.send('evm_mine', []);
    },
    async now() {
      return (await provider.getBlock('latest')).timestamp;
    },
    async snapshot() { return provider.send('evm_snapshot', []); },
    async revert(id) {
      await provider.send('evm_revert', [id]);
    },
  };
}

function artefact(name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'build', `${name}.json`), 'utf8'));
}

/** Deploys TestUSDC ("USDC") and the escrow (multisig, qa), mints 1,000,000 USDC to poster and other. */
async function deploySystem(chain) {
  const usdcArt = artefact('TestUSDC');
  const escrowArt = artefact('MoldTankEscrow');
  const deployer = chain.wallets.deployer;
  const usdc = await (await new ethers.ContractFactory(usdcArt.abi, usdcArt.bytecode, deployer).deploy('USDC')).waitForDeployment();
  const escrow = await (await new ethers.ContractFactory(escrowArt.abi, escrowArt.bytecode, deployer)
    .deploy(await usdc.getAddress(), chain.addr.multisig, chain.addr.qa)).waitForDeployment();
  for (const who of ['poster', 'other']) {
    await (await usdc.mint(chain.addr[who], usdcUnits(1_000_000))).wait();
  }
  return { usdc, escrow, usdcAddress: await usdc.getAddress(), escrowAddress: await escrow.getAddress() };
}

function usdcUnits(whole) {
  return BigInt(whole) * 1_000_000n;
}

/** Runs a transaction and returns its receipt (throws on revert, with the decoded custom error). */
async function send(txPromise) {
  const tx = await txPromise;
  return tx.wait();
}

module.exports = { startAnvil, deploySystem, artefact, usdcUnits, send, CHAIN_ID, ANVIL };

// Every custom error either contract can raise, for decoding revert data whichever path ethers took.
const ERRORS = new ethers.Interface([...artefact('MoldTankEscrow').abi, ...artefact('TestUSDC').abi]
  .filter((f) => f.type === 'error'));

function revertData(e) {
  for (const d of [e.data, e.info?.error?.data, e.error?.data, e.info?.error?.data?.data]) {
    if (typeof d === 'string' && d.startsWith('0x')) return d;
  }
  return null;
}

/** Asserts that a call or transaction reverts with the named custom error; returns its decoded args. */
async function reverts(promise, errorName) {
  let receipt;
  try {
    const tx = await promise;
    receipt = tx && typeof tx.wait === 'function' ? await tx.wait() : tx;
  } catch (e) {
    const data = revertData(e);
    const parsed = data ? ERRORS.parseError(data) : null;
    if (parsed && parsed.name === errorName) return parsed.args;
    throw new Error(`expected revert ${errorName}, got: ${parsed ? parsed.name : e.shortMessage ?? e.message}`);
  }
  throw new Error(`expected revert ${errorName}, but it succeeded (status ${receipt?.status})`);
}

module.exports.reverts = reverts;
