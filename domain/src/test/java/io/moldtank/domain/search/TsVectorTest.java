package io.moldtank.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected texts are PostgreSQL 15's own answers to the same calls (to_tsvector('english', …), setweight, ||). */
class TsVectorTest {

    @Test
    void words_are_stemmed_stop_words_keep_their_positions_and_other_forms_stay_whole() {
        assertThat(TsVector.of("Web-scraping tools for python3, running <b>fast</b> at example.com v1.2 -42 tom's"
                + " src/main.java")).hasToString("'-42':12 'example.com':10 'fast':8 'python3':6 'run':7 'scrape':3"
                + " 'src/main.java':15 'tom':13 'tool':4 'v1.2':11 'web':2 'web-scrap':1");
    }

    @Test
    void concatenation_moves_the_right_side_past_the_left_and_keeps_weights() {
        TsVector v = TsVector.of("cat dog").weighted('A').concat(TsVector.of("dog").weighted('C'));
        assertThat(v).hasToString("'cat':1A 'dog':2A,3C");
        assertThat(TsVector.of("cat the").concat(TsVector.of("a dog"))).hasToString("'cat':1 'dog':3");
    }

    @Test
    void letters_of_any_script_make_words_and_parts_of_digits_end_a_hyphenated_word() {
        assertThat(TsVector.of("ab-cd-12")).hasToString("'12':4 'ab':2 'ab-cd':1 'cd':3");
        assertThat(TsVector.of("ab-12-cd")).hasToString("'-12':2 'ab':1 'cd':3");
        assertThat(TsVector.of("Straße naïve-café")).hasToString("'café':4 'naïv':3 'naïve-café':2 'straße':1");
    }

    @Test
    void a_word_past_postgresqls_length_limit_is_left_out_without_a_position() {
        assertThat(TsVector.of("cat " + "x".repeat(2047) + " dog")).hasToString("'cat':1 'dog':2");
    }
}
