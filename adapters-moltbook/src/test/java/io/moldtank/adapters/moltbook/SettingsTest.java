package io.moldtank.adapters.moltbook;

import static io.moldtank.adapters.moltbook.Fixtures.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.adapters.moltbook.MoltbookAdapters.Settings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @Test
    void defaultsReadEveryPostOfMoltbookItselfOverHttps() {
        Settings s = Settings.of(API_KEY);
        assertThat(s.baseUrl()).isEqualTo(URI.create("https://www.moltbook.com/api/v1"));
        assertThat(s.submolt()).isNull();
        assertThat(s.pageSize()).isEqualTo(50);
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.sleeper()).isSameAs(MoltbookAdapters.Sleeper.REAL);
        assertThat(MoltbookAdapters.problemSource(s)).isNotNull();
    }

    @Test
    void a_draft_links_to_the_posts_page_on_the_site_not_to_the_api() {
        var source = MoltbookAdapters.problemSource(Settings.of(API_KEY));
        var post = new io.moldtank.domain.scraper.SourcePost("3f1c a/b", "t", "c", null, "", null, 0, 0, 0, false, false,
                java.time.Instant.EPOCH);
        assertThat(source.linkTo(post)).isEqualTo("https://www.moltbook.com/post/3f1c+a%2Fb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/api/v1", "http://127.4.5.6/api/v1", "http://localhost:1/api/v1",
            "http://LOCALHOST/api/v1", "http://[::1]:9/api/v1", "https://mirror.example.org/api/v1"})
    void httpsAnywhereAndPlainHttpOnlyToALoopbackHostAreAccepted(String url) {
        assertThat(Settings.of(API_KEY).withBaseUrl(URI.create(url)).baseUrl()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.moltbook.com/api/v1", "http://10.0.0.1/api/v1", "http://128.0.0.1/api/v1",
            "http://127.0.0.1.evil.example/api/v1", "http://localhost.evil.example/", "http://[::2]/api/v1",
            "ftp://127.0.0.1/api/v1"})
    void plainHttpToAnyOtherHostIsRefusedWithAClearMessage(String url) {
        assertThatThrownBy(() -> Settings.of(API_KEY).withBaseUrl(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be https (http only to 127.0.0.0/8, ::1 or localhost)")
                .hasMessageContaining(url);
    }

    @Test
    void aBaseUrlWithCredentialsOrAQueryIsRefusedAndATrailingSlashDropped() {
        assertThatThrownBy(() -> Settings.of(API_KEY).withBaseUrl(URI.create("https://u:p@www.moltbook.com/api/v1")))
                .hasMessageContaining("no user info").hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> Settings.of(API_KEY).withBaseUrl(URI.create("https://www.moltbook.com/api/v1?x=1")))
                .hasMessageContaining("query");
        assertThatThrownBy(() -> Settings.of(API_KEY).withBaseUrl(URI.create("http://327.0.0.1/api/v1")))
                .hasMessageContaining("absolute URL with a host");
        assertThat(Settings.of(API_KEY).withBaseUrl(URI.create("https://www.moltbook.com/api/v1/")).baseUrl())
                .hasToString("https://www.moltbook.com/api/v1");
    }

    @Test
    void theKeyIsShownNeitherByToStringNorByAnyRefusal() {
        Settings s = Settings.of(API_KEY).withSubmolt("general");
        assertThat(s.toString()).doesNotContain(API_KEY).contains("apiKey=(redacted)", "submolt=general");

        String withSpace = API_KEY + " trailing-part";
        assertThatThrownBy(() -> Settings.of(withSpace)).hasMessageNotContaining(API_KEY)
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> Settings.of(API_KEY + "\r\nX-Evil: 1")).hasMessageNotContaining(API_KEY);
        assertThatThrownBy(() -> s.withBaseUrl(URI.create("http://example.org/"))).hasMessageNotContaining(API_KEY);
        assertThatThrownBy(() -> s.withPageSize(0)).hasMessageNotContaining(API_KEY);
    }

    @Test
    void aMissingKeyAndOutOfRangeNumbersAreRefused() {
        assertThatThrownBy(() -> Settings.of(null)).hasMessageContaining("API key is required");
        assertThatThrownBy(() -> Settings.of("  ")).hasMessageContaining("API key is required");
        assertThatThrownBy(() -> Settings.of(API_KEY).withPageSize(101)).hasMessageContaining("1..100");
        assertThatThrownBy(() -> Settings.of(API_KEY).withRequestTimeout(Duration.ZERO))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> Settings.of(API_KEY).withSubmolt("gen\u0000eral")).hasMessageContaining("submolt");
        assertThat(Settings.of(API_KEY).withSubmolt("  ").submolt()).isNull();
    }
}
