// The state the compose chain starts from (deploy/images.sh bakes it into moldtank/anvil): on a throw-away
// Anvil, the contracts' own fixture deploys TestUSDC and MoldTankEscrow from dev account 0 (so at the same
// addresses every time), grants the QA role to account 1, and mints 1,000,000 USDC to accounts 3 and 5;
// then the node's state is dumped to argv[2] and the addresses printed as JSON for the caller to check.
'use strict';
const fs = require('node:fs');
const zlib = require('node:zlib');
const { startAnvil, deploySystem, CHAIN_ID } = require('../../../contracts/test/chain.js');

(async () => {
  const out = process.argv[2];
  const chain = await startAnvil();
  try {
    const system = await deploySystem(chain);
    // anvil_dumpState answers hex of the gzipped JSON that --load-state reads.
    const hex = await chain.provider.send('anvil_dumpState', []);
    fs.writeFileSync(out, zlib.gunzipSync(Buffer.from(hex.slice(2), 'hex')));
    console.log(JSON.stringify({ chainId: CHAIN_ID, usdc: system.usdcAddress, escrow: system.escrowAddress,
      qa: chain.addr.qa, poster: chain.addr.poster }));
  } finally {
    await chain.stop();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
