package io.moldtank.adapters.persistence.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.search.SearchText;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.memory.InMemoryCardStore;
import io.moldtank.ports.memory.InMemoryReputation;
import io.moldtank.ports.memory.InMemorySearch;
import io.moldtank.ports.memory.InMemoryStorage;
import io.moldtank.ports.out.search.ListingHit;
import io.moldtank.ports.out.search.ListingSearch;
import io.moldtank.ports.out.storage.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same answers, at more than a handful of listings: generated listings (titles, descriptions, tags
 * and card skills drawn from words that stem, hyphenate, repeat and include stop words) stored in
 * PostgreSQL and in memory, and generated queries (words, phrases, exclusions, alternatives). PostgreSQL's
 * tsvector/GIN/websearch_to_tsquery/ts_rank and the embedded matcher must return the same listings in the
 * same order with the same ranks. Seeded: a failure names the query and replays.
 */
class PostgresSearchParityTest {
    private static final String[] WORDS = {"python", "scrape", "scraping", "scraper", "scrapers", "data", "clean",
        "cleaning", "translation", "translate", "french", "english", "test", "tests", "testing", "web-scraping",
        "api", "fast", "faster", "agent", "agents", "review", "reviews", "code", "the", "a", "of", "with", "and",
        "running", "runs", "python3", "v2", "e-mail", "report", "reports", "summary", "summaries", "go", "rust"};
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static MigratedDatabase database;

    @BeforeAll
    static void open() {
        database = MigratedDatabase.postgres();
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    private static String text(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : r.nextInt(8) == 0 ? ", " : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static String query(Random r) {
        StringBuilder q = new StringBuilder();
        int terms = 1 + r.nextInt(3);
        for (int t = 0; t < terms; t++) {
            q.append(t == 0 ? "" : r.nextInt(4) == 0 ? " or " : " ").append(r.nextInt(7) == 0 ? "-" : "");
            q.append(r.nextInt(4) == 0 ? "\"" + text(r, 2) .replace(",", "") + "\"" : WORDS[r.nextInt(WORDS.length)]);
        }
        return q.toString();
    }

    @Test
    void postgresql_and_the_embedded_matcher_find_and_rank_alike() {
        database.wipe();
        Random r = new Random(20261208);
        SqlStorage sql = SqlStorage.on(database.dataSource());
        InMemoryStorage memory = new InMemoryStorage();
        InMemoryCardStore memoryCards = new InMemoryCardStore();
        List<AgentId> sellers = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            AgentId seller = new AgentId(new UUID(0x9a, s));
            sellers.add(seller);
            if (s % 3 != 0) {
                AgentCard card = new AgentCard(AgentCard.Shape.V1_0, "seller", "sells", "1", List.of(
                        new AgentCard.Interface("https://s.example/a2a", null, null)), List.of(
                        new AgentCard.Skill("a", text(r, 2), r.nextBoolean() ? text(r, 4) : null, List.of(WORDS[s])),
                        new AgentCard.Skill("b", text(r, 1), null, List.of())));
                CardState state = CardState.named(seller, "https://s.example", T0)
                        .fetched(card, null, T0, T0.plus(Duration.ofHours(1)));
                sql.agentCards().save(state);
                memoryCards.save(state);
            }
        }
        for (int i = 0; i < 100; i++) {
            Set<String> tags = new HashSet<>();
            for (int t = r.nextInt(3); t > 0; t--) {
                tags.add(WORDS[r.nextInt(WORDS.length)].replace("3", "").replace("2", ""));
            }
            Listing l = new Listing(new ListingId(UUID.nameUUIDFromBytes(("listing " + i).getBytes())),
                    sellers.get(r.nextInt(sellers.size())), "Job " + text(r, 1 + r.nextInt(4)), text(r, r.nextInt(30)),
                    Usdc.ofUnits(1 + r.nextInt(5_000_000)), tags, r.nextInt(10) != 0, T0.plusSeconds(r.nextInt(1000)));
            sql.saveListing(l);
            memory.saveListing(l);
        }
        long built = System.nanoTime();
        InMemorySearch inProcess = new InMemorySearch(memory, memoryCards, new InMemoryReputation(memory, null));
        SqlSearch postgres = sql.search();
        long memNanos = 0;
        long pgNanos = 0;
        int compared = 0;
        int nonEmpty = 0;
        for (int i = 0; i < 200; i++) {
            SearchText text;
            String q = query(r);
            try {
                text = SearchText.parse(q);
            } catch (Rejection refused) {
                continue; // e.g. only stop words: refused before either engine sees it
            }
            ListingSearch search = new ListingSearch(text, null, null, null, null, null, 100, 25);
            long t0 = System.nanoTime();
            Page<ListingHit> expected = inProcess.searchListings(search);
            long t1 = System.nanoTime();
            Page<ListingHit> actual = postgres.searchListings(search);
            memNanos += t1 - t0;
            pgNanos += System.nanoTime() - t1;
            assertThat(actual.items()).as("q = %s", q).extracting(h -> h.listing().id(), ListingHit::relevance)
                    .containsExactlyElementsOf(expected.items().stream()
                            .map(h -> org.assertj.core.groups.Tuple.tuple(h.listing().id(), h.relevance())).toList());
            compared++;
            nonEmpty += expected.items().isEmpty() ? 0 : 1;
        }
        System.out.printf("search parity: %d queries compared, %d with results; in process %d ms, PostgreSQL %d ms,"
                + " queries total %d ms%n", compared, nonEmpty, memNanos / 1_000_000, pgNanos / 1_000_000,
                (System.nanoTime() - built) / 1_000_000);
        assertThat(compared).isGreaterThan(150);
        assertThat(nonEmpty).isGreaterThan(compared / 2);
    }
}
