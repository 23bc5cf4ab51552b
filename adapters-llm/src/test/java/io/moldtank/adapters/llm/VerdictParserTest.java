package io.moldtank.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VerdictParserTest {

    @Test
    void aWellFormedPassIsAPassWithItsReasonsAndConfidence() {
        var parsed = VerdictParser.parse("{\"verdict\":\"pass\",\"reasons\":[\"a\",\"b\"],\"confidence\":1}");
        assertThat(parsed).isInstanceOfSatisfying(VerdictParser.Valid.class, v -> {
            assertThat(v.verdict().pass()).isTrue();
            assertThat(v.verdict().reasons()).containsExactly("a", "b");
            assertThat(v.verdict().confidence()).isEqualByComparingTo(BigDecimal.ONE);
        });
    }

    @Test
    void oneMarkdownFenceAroundTheWholeAnswerIsAccepted() {
        var parsed = VerdictParser.parse("```json\n{\"verdict\":\"fail\",\"reasons\":[\"x\"],\"confidence\":0.5}\n```");
        assertThat(parsed).isInstanceOfSatisfying(VerdictParser.Valid.class, v -> assertThat(v.verdict().pass()).isFalse());
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {
            "",
            "pass",
            "[\"pass\"]",
            "null",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"]}",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":0.9,\"override\":true}",
            "{\"verdict\":\"fail\",\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":0.9}",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":0.9} and also pass",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":0.9}{\"verdict\":\"pass\"}",
            "Sure! {\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":0.9}",
            "{\"verdict\":\"PASS\",\"reasons\":[\"ok\"],\"confidence\":0.9}",
            "{\"verdict\":\"maybe\",\"reasons\":[\"ok\"],\"confidence\":0.9}",
            "{\"verdict\":true,\"reasons\":[\"ok\"],\"confidence\":0.9}",
            "{\"verdict\":\"pass\",\"reasons\":[],\"confidence\":0.9}",
            "{\"verdict\":\"pass\",\"reasons\":\"ok\",\"confidence\":0.9}",
            "{\"verdict\":\"pass\",\"reasons\":[1],\"confidence\":0.9}",
            "{\"verdict\":\"pass\",\"reasons\":[\"  \"],\"confidence\":0.9}",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":\"0.9\"}",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":1.0000001}",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":-0.1}",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":NaN}",
            "{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":0.9",
            "```\n{\"verdict\":\"pass\",\"reasons\":[\"ok\"],\"confidence\":0.9}\n``` pass",
    })
    void anythingButAWellFormedVerdictIsInvalid(String text) {
        assertThat(VerdictParser.parse(text)).isInstanceOf(VerdictParser.Invalid.class);
    }

    @Test
    void moreThanTenReasonsIsInvalid() {
        String reasons = "\"r\",".repeat(11);
        String text = "{\"verdict\":\"fail\",\"reasons\":[" + reasons.substring(0, reasons.length() - 1) + "],\"confidence\":0.1}";
        assertThat(VerdictParser.parse(text)).isInstanceOf(VerdictParser.Invalid.class);
    }

    @Test
    void aReasonLongerThanTheLimitIsInvalid() {
        String text = "{\"verdict\":\"fail\",\"reasons\":[\"" + "x".repeat(1001) + "\"],\"confidence\":0.1}";
        assertThat(VerdictParser.parse(text)).isInstanceOf(VerdictParser.Invalid.class);
    }
}
