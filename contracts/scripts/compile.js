// Compiles contracts/*.sol with solc-js (no download: the npm package carries the compiler) and writes
// build/<Name>.json = { abi, bytecode, deployedBytecode }. With --check it compiles in memory and fails
// when the committed build/ differs, so build outputs can never drift from the sources.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const solc = require('solc');

const root = path.join(__dirname, '..');
const buildDir = path.join(root, 'build');
const CONTRACTS = ['MoldTankEscrow', 'TestUSDC'];

function findImports(p) {
  const full = path.join(root, 'node_modules', p);
  return fs.existsSync(full) ? { contents: fs.readFileSync(full, 'utf8') } : { error: 'File not found: ' + p };
}

function compile() {
  const sources = {};
  for (const name of CONTRACTS) {
    sources[`contracts/${name}.sol`] = { content: fs.readFileSync(path.join(root, 'contracts', `${name}.sol`), 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      // Pinned: a newer solc would silently move the default (0.8.30 → prague). Base supports cancun.
      evmVersion: 'cancun',
      optimizer: { enabled: true, runs: 200 },
      // No metadata hash: bytecode then depends only on the sources and settings, so --check is exact.
      metadata: { bytecodeHash: 'none' },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const problems = (out.errors || []).filter((e) => e.severity === 'error' || e.severity === 'warning');
  if (problems.length) {
    throw new Error('solc reported:\n' + problems.map((e) => e.formattedMessage).join('\n'));
  }
  const artefacts = {};
  for (const name of CONTRACTS) {
    const c = out.contracts[`contracts/${name}.sol`][name];
    artefacts[name] = JSON.stringify({
      contractName: name,
      compiler: solc.version(),
      evmVersion: 'cancun',
      abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object,
      deployedBytecode: '0x' + c.evm.deployedBytecode.object,
    }, null, 2) + '\n';
  }
  return artefacts;
}

function main() {
  const check = process.argv.includes('--check');
  const artefacts = compile();
  let stale = [];
  for (const [name, text] of Object.entries(artefacts)) {
    const file = path.join(buildDir, `${name}.json`);
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) stale.push(file);
    } else {
      fs.mkdirSync(buildDir, { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  if (stale.length) {
    console.error('build/ does not match the sources; run `npm run build` and commit:\n  ' + stale.join('\n  '));
    process.exit(1);
  }
  if (check) console.log('build/ matches the sources');
}

main();
