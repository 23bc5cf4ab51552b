package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.RegistryFixtures.*;
import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.*;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.review.Review;
import io.moldtank.ports.out.storage.ListingQuery;
import io.moldtank.ports.out.storage.Page;
import io.moldtank.ports.out.storage.StaleWrite;
import io.moldtank.ports.out.storage.Versioned;
import io.moldtank.ports.service.RegistryStorage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The registry's storage contract (seed 003: listings, jobs, reviews; the ledger in {@link BooksContract}
 * and {@link BooksConcurrencyContract}),
 * written once for the in-memory reference, H2 and PostgreSQL. Each {@link #registry()} is an empty store.
 */
public interface RegistryStorageContract extends BooksContract, BooksConcurrencyContract {

    @Test
    default void a_saved_listing_loads_back_and_saving_it_again_replaces_it() {
        RegistryStorage s = registry();
        Listing listing = listing(someone(), "12.5", true, 0, "nlp", "pdf");
        s.listings().saveListing(listing);
        assertThat(s.listings().listing(listing.id())).contains(listing);

        Listing replaced = new Listing(listing.id(), listing.seller(), "Renamed", "", Usdc.parse("3"),
                java.util.Set.of("ocr"), true, listing.createdAt()).withdraw(listing.seller());
        s.listings().saveListing(replaced);
        assertThat(s.listings().listing(listing.id())).contains(replaced);
        assertThat(s.listings().listing(listing(someone(), "1", true, 0).id())).isEmpty();
    }

    @Test
    default void discovery_shows_active_listings_newest_first_by_tag_and_price_and_pages_without_gaps() {
        RegistryStorage s = registry();
        List<Listing> all = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            Listing l = listing(someone(), (1 + i % 5) + ".25", i % 4 != 3, i, i % 2 == 0 ? "nlp" : "vision");
            s.listings().saveListing(l);
            all.add(l);
        }
        List<Listing> expected = all.stream().filter(Listing::active).filter(l -> l.tags().contains("nlp"))
                .filter(l -> l.price().compareTo(Usdc.parse("4")) <= 0)
                .sorted(Comparator.comparing(Listing::createdAt).reversed()).toList();
        List<Listing> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Listing> page = s.listings().discover(new ListingQuery("nlp", Usdc.parse("4"), cursor, 2));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        assertThat(expected).hasSizeGreaterThan(2);
        assertThat(seen).containsExactlyElementsOf(expected);

        List<Listing> unfiltered = s.listings().discover(new ListingQuery(null, null, null, 100)).items();
        assertThat(unfiltered).containsExactlyElementsOf(all.stream().filter(Listing::active)
                .sorted(Comparator.comparing(Listing::createdAt).reversed()).toList());
    }

    @Test
    default void listings_created_at_the_same_instant_are_each_paged_exactly_once() {
        RegistryStorage s = registry();
        List<Listing> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Listing l = listing(someone(), "1", true, 5);
            s.listings().saveListing(l);
            all.add(l);
        }
        List<Listing> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Listing> page = s.listings().discover(new ListingQuery(null, null, cursor, 3));
            seen.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    default void a_cursor_that_is_not_one_of_ours_is_refused() {
        RegistryStorage s = registry();
        s.listings().saveListing(listing(someone(), "1", true, 0));
        assertThatThrownBy(() -> s.listings().discover(new ListingQuery(null, null, "bm9uc2Vuc2U", 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void a_job_is_inserted_at_version_0_and_loads_back_whole_at_version_1() {
        RegistryStorage s = registry();
        Job job = proposed(someone(), someone(), "20");
        s.jobs().saveJob(job, 0);
        Versioned<Job> loaded = s.jobs().loadJob(job.id()).orElseThrow();
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.value().snapshot()).isEqualTo(job.snapshot());
        assertThat(s.jobs().loadJob(new JobId(UUID.randomUUID()))).isEmpty();
        assertThatThrownBy(() -> s.jobs().saveJob(job, 0)).isInstanceOf(StaleWrite.class);
    }

    @Test
    default void a_stale_job_save_is_refused_and_changes_nothing() {
        RegistryStorage s = registry();
        AgentId client = someone(), seller = someone();
        Job job = proposed(client, seller, "20");
        s.jobs().saveJob(job, 0);
        Versioned<Job> first = s.jobs().loadJob(job.id()).orElseThrow();
        Versioned<Job> second = s.jobs().loadJob(job.id()).orElseThrow();
        first.value().accept(seller, T0);
        s.jobs().saveJob(first.value(), first.version());
        second.value().cancel(client, T0);
        assertThatThrownBy(() -> s.jobs().saveJob(second.value(), second.version())).isInstanceOf(StaleWrite.class);
        Versioned<Job> stored = s.jobs().loadJob(job.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.value().status()).isEqualTo(JobStatus.AGREED);
    }

    @Test
    default void a_delivered_result_is_kept_and_jobs_are_listed_for_their_parties_only() {
        RegistryStorage s = registry();
        AgentId client = someone(), seller = someone();
        Job job = proposed(client, seller, "20");
        s.jobs().saveJob(job, 0);
        job.accept(seller, T0);
        job.fund(client, T0);
        job.start(seller, T0);
        job.deliver(seller, new JobResult("the summary \u2014 \u00e9"), T0);
        s.jobs().saveJob(job, 1);
        Job other = proposed(seller, someone(), "1");
        s.jobs().saveJob(other, 0);

        assertThat(s.jobs().loadJob(job.id()).orElseThrow().value().snapshot().result())
                .contains(new JobResult("the summary \u2014 \u00e9"));
        assertThat(s.jobs().jobsOf(client, 10)).containsExactly(job.snapshot());
        assertThat(s.jobs().jobsOf(seller, 10)).containsExactlyInAnyOrder(job.snapshot(), other.snapshot());
        assertThat(s.jobs().jobsOf(seller, 1)).hasSize(1);
        assertThat(s.jobs().jobsOf(someone(), 10)).isEmpty();
    }

    @Test
    default void each_party_reviews_a_job_once_and_reviews_list_newest_first() {
        RegistryStorage s = registry();
        AgentId client = someone(), seller = someone();
        Job job = proposed(client, seller, "2");
        Job later = proposed(client, seller, "3");
        s.jobs().saveJob(job, 0);
        s.jobs().saveJob(later, 0);
        Review first = new Review(UUID.randomUUID(), job.id(), client, seller, 4, "good", T0);
        Review second = new Review(UUID.randomUUID(), later.id(), client, seller, 2, "meh", T0.plusSeconds(60));
        assertThat(s.reviews().addReview(first)).isTrue();
        assertThat(s.reviews().addReview(new Review(UUID.randomUUID(), job.id(), client, seller, 1, "again",
                T0.plusSeconds(1)))).isFalse();
        assertThat(s.reviews().addReview(second)).isTrue();
        assertThat(s.reviews().addReview(new Review(UUID.randomUUID(), job.id(), seller, client, 5, "", T0))).isTrue();

        assertThat(s.reviews().reviewsOf(seller, 10)).containsExactly(second, first);
        assertThat(s.reviews().reviewsOf(seller, 1)).containsExactly(second);
        assertThat(s.reviews().reviewsOf(client, 10)).extracting(Review::rating).containsExactly(5);
    }

    @Test
    default void a_failed_transaction_leaves_no_job_listing_review_or_money_behind() {
        RegistryStorage s = registry();
        var chain = open(s.books(), io.moldtank.domain.ledger.AccountKind.EXTERNAL);
        var wallet = open(s.books(), io.moldtank.domain.ledger.AccountKind.AGENT_AVAILABLE);
        var before = s.books().totals();
        Job job = proposed(someone(), someone(), "5");
        Listing listing = listing(someone(), "5", true, 0);
        assertThatThrownBy(() -> s.tx().inTransaction(() -> {
            s.listings().saveListing(listing);
            s.jobs().saveJob(job, 0);
            s.reviews().addReview(new Review(UUID.randomUUID(), job.id(), job.parties().client(),
                    job.parties().seller(), 3, "", T0));
            s.books().transferAll(List.of(move(chain, wallet, 500)), T0);
            throw new IllegalStateException("crash before commit");
        })).hasMessageContaining("crash");
        assertThat(s.listings().listing(listing.id())).isEmpty();
        assertThat(s.jobs().loadJob(job.id())).isEmpty();
        assertThat(s.reviews().reviewsOf(job.parties().seller(), 10)).isEmpty();
        assertThat(s.books().totals()).isEqualTo(before);
        assertThat(available(s.books(), wallet)).isZero();
    }
}
