package io.moldtank.adapters.persistence.storage;

import static io.moldtank.ports.contract.RegistryFixtures.*;
import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.ledger.AccountKind;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.review.Review;
import io.moldtank.ports.contract.RegistryStorageContract;
import io.moldtank.ports.out.storage.UnstorableValue;
import io.moldtank.ports.service.RegistryStorage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The registry contract on a SQL store, plus what only SQL can get wrong: text the database cannot hold
 * is refused with a typed error and writes nothing, a job's result is not lost between columns, and the
 * ledger's rows always satisfy the schema's own balance checks. Each test starts from emptied tables.
 */
interface SqlRegistryChecks extends RegistryStorageContract {

    MigratedDatabase database();

    @Override
    default RegistryStorage registry() {
        database().wipe();
        return RegistryStorage.of(SqlStorage.on(database().dataSource()));
    }

    private long rows(String table) {
        return database().count("SELECT COUNT(*) FROM " + table);
    }

    @Test
    default void a_listing_with_text_the_database_cannot_hold_is_refused_and_nothing_is_stored() {
        RegistryStorage s = registry();
        Listing fine = listing(someone(), "1", true, 0, "nlp");
        Listing nul = new Listing(fine.id(), fine.seller(), "Has a \0 NUL", "", Usdc.parse("1"), Set.of("nlp"), true, T0);
        Listing surrogate = new Listing(fine.id(), fine.seller(), "Title", "broken \uD800 pair", Usdc.parse("1"),
                Set.of(), true, T0);
        assertThatThrownBy(() -> s.listings().saveListing(nul)).isInstanceOf(UnstorableValue.class);
        assertThatThrownBy(() -> s.listings().saveListing(surrogate)).isInstanceOf(UnstorableValue.class);
        assertThat(rows("listings") + rows("listing_tags")).isZero();
        s.listings().saveListing(fine);
        assertThatThrownBy(() -> s.listings().saveListing(nul)).isInstanceOf(UnstorableValue.class);
        assertThat(s.listings().listing(fine.id())).contains(fine);
    }

    @Test
    default void a_result_or_review_the_database_cannot_hold_is_refused_and_the_job_stays_as_it_was() {
        RegistryStorage s = registry();
        Job job = proposed(someone(), someone(), "4");
        s.jobs().saveJob(job, 0);
        job.accept(job.parties().seller(), T0);
        job.fund(job.parties().client(), T0);
        job.start(job.parties().seller(), T0);
        job.deliver(job.parties().seller(), new JobResult("bytes \0 inside"), T0);
        assertThatThrownBy(() -> s.jobs().saveJob(job, 1)).isInstanceOf(UnstorableValue.class);
        assertThat(s.jobs().loadJob(job.id()).orElseThrow().version()).isEqualTo(1);
        assertThatThrownBy(() -> s.reviews().addReview(new Review(UUID.randomUUID(), job.id(), job.parties().client(),
                job.parties().seller(), 3, "nul \0", T0))).isInstanceOf(UnstorableValue.class);
        assertThat(rows("reviews")).isZero();
    }

    @Test
    default void the_ledger_rows_stay_within_the_schema_checks_and_transfers_are_kept_one_row_each() {
        RegistryStorage s = registry();
        var chain = open(s.books(), AccountKind.EXTERNAL);
        var a = funded(s.books(), chain, 10);
        var b = open(s.books(), AccountKind.ESCROW);
        s.books().transferAll(List.of(move(a, b, 4), move(b, a, 1)), T0);
        s.books().hold(move(a, b, 7), T0);
        assertThat(rows("ledger_transfers")).isEqualTo(4);
        assertThat(database().count("SELECT COUNT(*) FROM ledger_accounts WHERE kind <> 'EXTERNAL' AND "
                + "(debits_posted > credits_posted OR debits_pending > credits_posted - debits_posted)")).isZero();
        assertThat(database().count("SELECT COUNT(*) FROM ledger_transfers WHERE state = 'PENDING'")).isEqualTo(1);
    }

    /** The in-memory reference keeps no insert order for jobs; SQL lists them newest first, as the port says. */
    @Test
    default void an_agents_jobs_are_listed_newest_first() {
        RegistryStorage s = registry();
        var client = someone();
        List<Job> jobs = List.of(proposed(client, someone(), "1"), proposed(client, someone(), "2"),
                proposed(someone(), client, "3"));
        jobs.forEach(j -> s.jobs().saveJob(j, 0));
        assertThat(s.jobs().jobsOf(client, 10)).containsExactly(jobs.get(2).snapshot(), jobs.get(1).snapshot(),
                jobs.get(0).snapshot());
    }
}
