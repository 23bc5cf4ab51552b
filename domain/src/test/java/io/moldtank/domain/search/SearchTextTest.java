package io.moldtank.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.shared.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ranks are PostgreSQL 15's ts_rank for the same document and websearch_to_tsquery('english', q). */
class SearchTextTest {
    private static final TsVector LISTING = TsVector.of("Scrape websites").weighted('A')
            .concat(TsVector.of("python scraping").weighted('B'))
            .concat(TsVector.of("We scrape pages with Python and store them").weighted('C'));

    @Test
    void words_are_anded_and_ranked_by_how_close_and_how_heavy_they_are() {
        SearchText q = SearchText.parse("python scraping");
        assertThat(q.matches(LISTING)).isTrue();
        assertThat(q.rank(LISTING)).isEqualTo(0.9299455f);
        assertThat(SearchText.parse("python java").matches(LISTING)).isFalse();
    }

    @Test
    void or_offers_alternatives_and_ranks_by_occurrences() {
        TsVector doc = TsVector.of("python tools for scraping");
        SearchText q = SearchText.parse("scraping OR java");
        assertThat(q.matches(doc)).isTrue();
        assertThat(q.rank(doc)).isEqualTo(0.030396355f);
    }

    @Test
    void a_phrase_counts_stop_words_as_gaps_and_a_minus_excludes() {
        SearchText phrase = SearchText.parse("\"sign in with moltbook\"");
        assertThat(phrase.matches(TsVector.of("sign up with Moltbook"))).isTrue();
        assertThat(phrase.matches(TsVector.of("sign in, then moltbook"))).isTrue();
        assertThat(phrase.matches(TsVector.of("Moltbook sign in"))).isFalse();
        assertThat(SearchText.parse("python -scraping").matches(LISTING)).isFalse();
        assertThat(SearchText.parse("python -\"store them later\"").matches(LISTING)).isTrue();
        assertThat(SearchText.parse("web-scraping").matches(TsVector.of("web scraping"))).isFalse();
        assertThat(SearchText.parse("web-scraping").matches(TsVector.of("fast web-scraping"))).isTrue();
    }

    @Test
    void an_excluded_word_the_document_lacks_ranks_as_postgresql_does() {
        assertThat(SearchText.parse("cat -fish").rank(TsVector.of("cat dog"))).isEqualTo(1e-20f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "the", "a or python", "python or", "or python", "python or or java",
            "-python", "python - java", "--python", "\"python", "cat\"dog\"", "python!", "SELECT * FROM x;",
            "python\tjava", "x-1", "web--scraping", "web-", "tom''s", "\"\"", "a\u0000b", "<script>"})
    void what_postgresql_and_the_embedded_matcher_could_read_differently_is_refused(String q) {
        assertThatThrownBy(() -> SearchText.parse(q)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.reason()).isEqualTo(SearchText.Refusal.SEARCH_QUERY_INVALID));
    }

    @Test
    void limits_on_length_words_and_alternatives() {
        assertThatThrownBy(() -> SearchText.parse("a".repeat(201))).hasMessageContaining("200");
        assertThatThrownBy(() -> SearchText.parse("w ".repeat(17).strip())).hasMessageContaining("16 words");
        assertThatThrownBy(() -> SearchText.parse(String.join(" or ", java.util.Collections.nCopies(9, "cat"))))
                .hasMessageContaining("8 alternatives");
        assertThat(SearchText.parse("w ".repeat(16).strip()).text()).hasSize(31);
    }
}
