package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.contract.MoltbookLinksContract;
import io.moldtank.ports.out.moltbook.MoltbookLinks;

/** The Moltbook links contract on a migrated SQL database. */
interface SqlMoltbookLinkChecks extends MoltbookLinksContract {

    MigratedDatabase database();

    @Override
    default MoltbookLinks moltbookLinks() {
        database().wipe();
        return SqlStorage.on(database().dataSource()).moltbookLinks();
    }
}
