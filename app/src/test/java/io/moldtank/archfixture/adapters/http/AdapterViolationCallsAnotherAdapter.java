package io.moldtank.archfixture.adapters.http;

import io.moldtank.archfixture.adapters.chain.ChainClient;

/** Breaks "adapters depend on neither another adapter nor app": http uses chain directly. */
public final class AdapterViolationCallsAnotherAdapter {
    ChainClient chain;
}
