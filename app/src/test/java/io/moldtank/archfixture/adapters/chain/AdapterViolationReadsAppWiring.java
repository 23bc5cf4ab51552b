package io.moldtank.archfixture.adapters.chain;

import io.moldtank.archfixture.app.AppWiring;

/** Breaks "adapters depend on neither another adapter nor app" and "nothing but app depends on app". */
public final class AdapterViolationReadsAppWiring {
    AppWiring wiring;
}
