package io.moldtank.adapters.persistence.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.contract.JobCheckFlowContract;
import io.moldtank.ports.contract.JobCheckStorageContract;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;
import org.junit.jupiter.api.Test;

/** Sandbox-checked jobs on a migrated SQL database: the storage contract, the flow, and the schema's backstops. */
interface SqlJobCheckChecks extends JobCheckStorageContract, JobCheckFlowContract {

    MigratedDatabase database();

    @Override
    default JobCheckStores jobCheckStores() {
        database().wipe();
        SqlStorage storage = SqlStorage.on(database().dataSource());
        return new JobCheckStores(RegistryStorage.of(storage), storage.jobChecks());
    }

    @Override
    default JobCheckFlowContract.Stores jobCheckFlowStores() {
        database().wipe();
        SqlStorage storage = SqlStorage.on(database().dataSource());
        return new JobCheckFlowContract.Stores(Storage.of(storage), RegistryStorage.of(storage), storage.jobChecks());
    }

    @Test
    default void the_schema_refuses_a_verifying_job_without_a_check_in_progress() {
        JobCheckStores stores = jobCheckStores();
        var job = JobCheckStorageContract.queued(stores.registry(), io.moldtank.ports.contract.StorageFixtures.T0);
        assertThat(database().count("SELECT COUNT(*) FROM jobs WHERE status = 'VERIFYING' AND check_state = 'QUEUED'"))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (var c = database().dataSource().getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE jobs SET check_state = NULL, check_run = NULL, check_due_at = NULL, "
                        + "check_queued_at = NULL WHERE id = '" + job.id() + "'");
            }
        }).isInstanceOf(java.sql.SQLException.class);
    }
}
