package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.search.SearchText;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.out.a2a.CardStore;
import io.moldtank.ports.out.reputation.ReputationScores;
import io.moldtank.ports.out.search.BountyHit;
import io.moldtank.ports.out.search.BountySearch;
import io.moldtank.ports.out.search.ListingHit;
import io.moldtank.ports.out.search.ListingSearch;
import io.moldtank.ports.out.search.SearchBounties;
import io.moldtank.ports.out.search.SearchDocuments;
import io.moldtank.ports.out.search.SearchListings;
import io.moldtank.ports.out.storage.Page;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Discovery's text search, written once and run on the in-memory store, H2 (the embedded matcher) and
 * PostgreSQL (tsvector, GIN, websearch_to_tsquery, ts_rank): the same small market gives the same answers
 * in the same order on all three, and every rank equals the embedded matcher's own reckoning of it.
 */
public interface SearchContract {

    /** A fresh, empty store seen through every bundle (one instance behind all). */
    Parts searchParts();

    record Parts(Storage storage, RegistryStorage registry, CardStore cards, ReputationScores scores,
                 SearchListings listings, SearchBounties bounties) {
    }

    int NEUTRAL = 25;

    /** Three sellers, seven listings (one withdrawn), three bounties; ids and times fixed. */
    final class Market {
        static final AgentId POLYGLOT = agent(1);
        static final AgentId GENERALIST = agent(2);
        static final AgentId CRAWLER = agent(3);
        final Parts parts;
        final Map<String, Listing> listings = new java.util.LinkedHashMap<>();
        final Map<String, AgentCard> cards = new java.util.HashMap<>();
        final Map<String, BountyId> bounties = new java.util.HashMap<>();

        Market(Parts parts) {
            this.parts = parts;
            card(POLYGLOT, new AgentCard.Skill("tr", "Translation", "translates French documents", List.of("language")));
            card(CRAWLER, new AgentCard.Skill("crawl", "Web crawling", null, List.of()));
            parts.registry().tx().inTransaction(() -> {
                parts.scores().hold(POLYGLOT, NEUTRAL, T0);
                parts.scores().save(POLYGLOT, 80, T0);
                parts.scores().hold(CRAWLER, NEUTRAL, T0);
                parts.scores().save(CRAWLER, 50, T0);
                return null;
            });
            listing("L1", POLYGLOT, "Python scraping service", "I scrape websites with python", "5", true, "python", "scraping");
            listing("L2", GENERALIST, "Data cleaning", "cleaning spreadsheets; python scraping on request", "3", true, "data");
            listing("L3", CRAWLER, "Scraping at scale", "crawlers in Go", "12", true, "go");
            listing("L4", POLYGLOT, "French to English", "human-quality", "8", true, "language");
            listing("L5", GENERALIST, "Python tutoring", "one hour lessons", "1", true, "python", "teaching");
            listing("L6", CRAWLER, "Python scraping, withdrawn", "", "2", false, "python");
            listing("L7", GENERALIST, "Sign in with Moltbook helper", "links your agent", "2", true);
            bounty("B1", "Write a Python scraper", "needs tests", 10, true, "python");
            bounty("B2", "Fix the scraper tests", "python pytest suite", 30, true, "testing");
            bounty("B3", "Haiku about scraping", "seventeen syllables, python optional", 5, false, "poetry");
        }

        private static AgentId agent(int n) {
            return new AgentId(new UUID(0x5ea, n));
        }

        private void card(AgentId agent, AgentCard.Skill skill) {
            AgentCard card = new AgentCard(AgentCard.Shape.V1_0, "agent " + agent, "an agent", "1.0",
                    List.of(new AgentCard.Interface("https://agent.example/a2a", "JSONRPC", "1.0")), List.of(skill));
            cards.put(agent.toString(), card);
            parts.cards().save(CardState.named(agent, "https://agent.example", T0)
                    .fetched(card, null, T0, T0.plus(Duration.ofHours(1))));
        }

        private void listing(String name, AgentId seller, String title, String description, String price,
                             boolean active, String... tags) {
            int n = Integer.parseInt(name.substring(1));
            Listing l = new Listing(new ListingId(new UUID(0x11, 0x100 - n * 7L)), seller, title, description,
                    Usdc.parse(price), Set.of(tags), active, T0.plusSeconds(n));
            parts.registry().listings().saveListing(l);
            listings.put(name, l);
        }

        private void bounty(String name, String title, String description, long reward, boolean open, String tag) {
            int n = Integer.parseInt(name.substring(1));
            BountyTerms terms = new BountyTerms(title, description, Usdc.ofWhole(reward), T0.plus(Duration.ofDays(n)),
                    Set.of(tag), new Acceptance.Rubric("judge it"), QuorumPolicy.ONE_OF_ONE);
            var poster = StorageFixtures.agent(n);
            parts.storage().agents().saveAgent(poster);
            Bounty b = Bounty.draft(new BountyId(new UUID(0xb0, n)), poster.id(), terms, T0.plusSeconds(n));
            if (open) {
                b.requestDeposit(b.poster(), T0.plusSeconds(n));
                b.confirmDeposit(Usdc.ofWhole(reward), "0x" + "e".repeat(64), T0.plusSeconds(n));
            }
            b.pullEvents();
            parts.storage().saveBounty().saveBounty(b);
            bounties.put(name, b.id());
        }

        List<String> names(Page<ListingHit> page) {
            return page.items().stream().map(h -> name(h.listing().id().value())).toList();
        }

        String name(UUID id) {
            return listings.entrySet().stream().filter(e -> e.getValue().id().value().equals(id)).findFirst()
                    .orElseThrow().getKey();
        }

        /** Names in the order of their ids as databases sort UUIDs: how equal keys are broken. */
        List<String> byId(String... names) {
            return java.util.Arrays.stream(names)
                    .sorted(Comparator.comparing(n -> listings.get(n).id().value().toString())).toList();
        }

        Page<ListingHit> find(String q, ListingSearch.Sort sort, String tag, String maxPrice, Integer minRep,
                              String after, int limit) {
            return parts.listings().searchListings(new ListingSearch(q == null ? null : SearchText.parse(q), tag,
                    maxPrice == null ? null : Usdc.parse(maxPrice), minRep, sort, after, limit, NEUTRAL));
        }

        List<String> find(String q, ListingSearch.Sort sort) {
            return names(find(q, sort, null, null, null, null, 100));
        }

        /** Every page, {@code limit} at a time. */
        List<String> allPages(String q, ListingSearch.Sort sort, int limit) {
            List<String> out = new ArrayList<>();
            String after = null;
            do {
                Page<ListingHit> page = find(q, sort, null, null, null, after, limit);
                assertThat(page.items().size()).isLessThanOrEqualTo(limit);
                out.addAll(names(page));
                after = page.next();
            } while (after != null);
            return out;
        }

        List<String> bountyNames(Page<BountyHit> page) {
            return page.items().stream().map(h -> bounties.entrySet().stream()
                    .filter(e -> e.getValue().equals(h.bounty().id())).findFirst().orElseThrow().getKey()).toList();
        }

        Page<BountyHit> bounties(String q, BountyStatus status, BountySearch.Sort sort, String after, int limit) {
            return parts.bounties().searchBounties(new BountySearch(SearchText.parse(q), status, null, null, null, sort,
                    after, limit));
        }
    }

    @Test
    default void words_in_the_title_rank_above_the_same_words_in_the_description() {
        Market m = new Market(searchParts());
        Page<ListingHit> found = m.find("python scraping", null, null, null, null, null, 100);

        assertThat(m.names(found)).containsExactly("L1", "L2");
        for (ListingHit hit : found.items()) {
            AgentCard card = m.cards.get(hit.listing().seller().toString());
            assertThat(hit.relevance()).as("ts_rank of %s", m.name(hit.listing().id().value()))
                    .isEqualTo(SearchText.parse("python scraping").rank(SearchDocuments.listing(hit.listing(), card)));
        }
    }

    @Test
    default void the_sellers_a2a_card_skills_are_searched_too() {
        Market m = new Market(searchParts());
        assertThat(m.find("translation", null)).containsExactlyElementsOf(m.byId("L1", "L4"));
        assertThat(m.find("crawling", null)).containsExactly("L3");
    }

    @Test
    default void phrases_exclusions_and_alternatives_read_as_websearch_does() {
        Market m = new Market(searchParts());
        assertThat(m.find("python -scraping", null)).containsExactly("L5");
        assertThat(m.find("\"sign in with moltbook\"", null)).containsExactly("L7");
        assertThat(m.find("go or crawlers", null)).containsExactly("L3");
        assertThat(m.find("tutoring or cleaning", null)).containsExactlyInAnyOrder("L2", "L5");
    }

    @Test
    default void text_combines_with_tag_price_and_reputation_filters_and_orders() {
        Market m = new Market(searchParts());
        assertThat(m.find("python", ListingSearch.Sort.PRICE)).containsExactly("L5", "L2", "L1");
        assertThat(m.names(m.find("python", null, "python", null, null, null, 100))).containsExactly("L1", "L5");
        assertThat(m.names(m.find("python", ListingSearch.Sort.PRICE, null, "4", null, null, 100)))
                .containsExactly("L5", "L2");
        assertThat(m.names(m.find("python", null, null, null, 50, null, 100))).containsExactly("L1");
        assertThat(m.find("python", null, null, null, null, null, 100).items())
                .extracting(ListingHit::reputation).containsExactly(80, NEUTRAL, NEUTRAL);
    }

    @Test
    default void without_text_listings_come_newest_first_or_by_seller_reputation_withdrawn_never() {
        Market m = new Market(searchParts());
        assertThat(m.find(null, null)).containsExactly("L7", "L5", "L4", "L3", "L2", "L1");
        List<String> byReputation = new ArrayList<>(m.byId("L1", "L4"));
        byReputation.add("L3");
        byReputation.addAll(m.byId("L2", "L5", "L7"));
        assertThat(m.find(null, ListingSearch.Sort.REPUTATION)).containsExactlyElementsOf(byReputation);
        assertThat(m.names(m.find(null, null, null, null, 50, null, 100))).containsExactly("L4", "L3", "L1");
        assertThat(m.find(null, null, null, null, null, null, 100).items()).allMatch(h -> h.relevance() == null);
    }

    @Test
    default void pages_follow_each_other_without_gaps_or_repeats_in_every_order() {
        Market m = new Market(searchParts());
        for (ListingSearch.Sort sort : List.of(ListingSearch.Sort.NEWEST, ListingSearch.Sort.PRICE,
                ListingSearch.Sort.REPUTATION)) {
            assertThat(m.allPages(null, sort, 2)).as(sort.name()).containsExactlyElementsOf(m.find(null, sort));
        }
        assertThat(m.allPages("python", null, 1)).containsExactlyElementsOf(m.find("python", null));
        assertThat(m.allPages("python", ListingSearch.Sort.REPUTATION, 2))
                .containsExactlyElementsOf(m.find("python", ListingSearch.Sort.REPUTATION));
    }

    @Test
    default void a_cursor_of_another_order_or_query_or_none_of_ours_is_refused() {
        Market m = new Market(searchParts());
        String next = m.find(null, ListingSearch.Sort.NEWEST, null, null, null, null, 1).next();
        assertThatThrownBy(() -> m.find(null, ListingSearch.Sort.PRICE, null, null, null, next, 1))
                .isInstanceOf(IllegalArgumentException.class);
        String textual = m.find("python", null, null, null, null, null, 1).next();
        assertThatThrownBy(() -> m.find("scraping", null, null, null, null, textual, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.find(null, null, null, null, null, "bm90IG91cnM", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void bounties_are_found_by_text_with_the_list_filters_and_orders() {
        Market m = new Market(searchParts());
        // one title match first; two equal matches in descriptions, then in id order
        assertThat(m.bountyNames(m.bounties("python", null, null, null, 100))).containsExactly("B1", "B2", "B3");
        assertThat(m.bountyNames(m.bounties("python", BountyStatus.OPEN, BountySearch.Sort.REWARD_DESC, null, 100)))
                .containsExactly("B2", "B1");
        assertThat(m.bountyNames(m.bounties("scraping", null, null, null, 100))).containsExactly("B3");
        Page<BountyHit> first = m.bounties("python", null, null, null, 2);
        assertThat(m.bountyNames(m.bounties("python", null, null, first.next(), 2))).containsExactly("B3");
        for (BountyHit hit : first.items()) {
            assertThat(hit.relevance()).isEqualTo(SearchText.parse("python").rank(SearchDocuments.bounty(hit.bounty())));
        }
    }
}
