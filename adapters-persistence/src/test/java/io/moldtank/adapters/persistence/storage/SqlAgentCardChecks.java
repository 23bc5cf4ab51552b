package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.contract.CardStoreContract;
import io.moldtank.ports.out.a2a.CardStore;

/** The A2A card cache contract on a migrated SQL database. */
interface SqlAgentCardChecks extends CardStoreContract {

    MigratedDatabase database();

    @Override
    default CardStore cardStore() {
        database().wipe();
        return SqlStorage.on(database().dataSource()).agentCards();
    }
}
