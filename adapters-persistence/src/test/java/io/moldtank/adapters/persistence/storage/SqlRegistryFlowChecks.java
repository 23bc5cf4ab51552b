package io.moldtank.adapters.persistence.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.contract.RegistryFlowContract;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;

/** The registry flows over a SQL store, plus what only a database can show: the rows they left. */
interface SqlRegistryFlowChecks extends RegistryFlowContract {

    MigratedDatabase database();

    /** One SqlStorage on an emptied database, as the app wires it. */
    @Override
    default Stores stores() {
        database().wipe();
        SqlStorage storage = SqlStorage.on(database().dataSource());
        return new Stores(Storage.of(storage), RegistryStorage.of(storage));
    }

    @Override
    default void afterCompletedJob() {
        assertThat(database().count("SELECT COUNT(*) FROM events WHERE type = 'job.completed'")).isEqualTo(1);
        assertThat(database().count("SELECT COUNT(*) FROM events WHERE payload LIKE '%the summary%'"))
                .as("a delivered result never reaches the event log").isZero();
    }

    @Override
    default void afterWithdrawals() {
        assertThat(database().count("SELECT COUNT(*) FROM ledger_transfers WHERE state = 'PENDING'")).isZero();
    }
}
