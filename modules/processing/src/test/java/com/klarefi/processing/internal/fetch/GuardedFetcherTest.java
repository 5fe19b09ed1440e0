package com.klarefi.processing.internal.fetch;

import static com.klarefi.processing.internal.fetch.FetchFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.processing.api.DocumentFailure;
import com.klarefi.processing.api.DocumentFailure.Code;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy side of fetching; the stub resolver means no packet ever leaves the machine. */
class GuardedFetcherTest {
    private final FetchSettings settings = FetchSettings.from(Settings.of(Map.of()));
    private final List<String> lookedUp = new ArrayList<>();

    @Test
    void readsItsLimitsFromTheShippedDefaults() {
        assertThat(settings.maxBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(settings.allowedCidrs()).isEmpty();
        assertThat(settings.maxRedirects()).isEqualTo(5);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsACommaSeparatedAllowList() {
        FetchSettings allowing =
                FetchSettings.from(Settings.of(Map.of(FetchSettings.ALLOWED_CIDRS, " 127.0.0.0/8, 10.20.0.0/16 ,")));

        assertThat(allowing.allowedCidrs()).containsExactly("127.0.0.0/8", "10.20.0.0/16");
    }

    @Test
    void refusesToStartWithAMalformedAllowList() {
        assertThatThrownBy(() -> Fetchers.create(settings.withAllowedCidrs(List.of("intranet.local/8"))))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(FetchSettings.ALLOWED_CIDRS);
    }

    @Test
    void refusesAHostResolvingToCloudMetadataNamingTheRule() {
        DocumentFailure failure =
                failureOf(() -> fetcherResolvingTo("169.254.169.254").fetch("http://metadata.test/"));

        assertThat(failure.code()).isEqualTo(Code.URL_NOT_ALLOWED);
        assertThat(failure.codeName()).isEqualTo("url_not_allowed");
        assertThat(failure.getMessage()).contains("link-local");
        assertThat(failure.isTransient()).isFalse();
        assertThat(lookedUp).containsExactly("metadata.test");
    }

    @Test
    void refusesAHostWithAnyPrivateAnswerAmongPublicOnes() {
        DocumentFailure failure = failureOf(
                () -> fetcherResolvingTo("93.184.215.14", "10.0.0.7").fetch("https://rebinding.test/document.pdf"));

        assertThat(failure.code()).isEqualTo(Code.URL_NOT_ALLOWED);
        assertThat(failure.getMessage()).contains("private");
    }

    @Test
    void refusesAnIpv4MappedLoopbackLiteral() {
        DocumentFailure failure = failureOf(() -> Fetchers.create(settings).fetch("http://[::ffff:127.0.0.1]:9/"));

        assertThat(failure.code()).isEqualTo(Code.URL_NOT_ALLOWED);
        assertThat(failure.getMessage()).contains("loopback");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.com/a.pdf",
                "file:///etc/passwd",
                "gopher://example.com/",
                "jar:http://example.com/a.jar!/x",
                "http:///nohost",
                "https://user:secret@example.com/a.pdf",
                "not a url",
                "",
                "//example.com/a.pdf",
                "http://exa mple.com/"
            })
    void rejectsWhatIsNotAPlainHttpUrl(String url) {
        DocumentFailure failure =
                failureOf(() -> fetcherResolvingTo("93.184.215.14").fetch(url));

        assertThat(failure.code()).isEqualTo(Code.INVALID_DOCUMENT_URL);
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void reportsAnUnresolvableHostAsATransientFetchFailure() {
        DocumentFetcher fetcher = Fetchers.create(settings, host -> {
            throw new UnknownHostException(host);
        });

        DocumentFailure failure = failureOf(() -> fetcher.fetch("https://nowhere.test/a.pdf"));

        assertThat(failure.code()).isEqualTo(Code.FETCH_FAILED);
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.httpStatus()).isEmpty();
    }

    private DocumentFetcher fetcherResolvingTo(String... addresses) {
        return Fetchers.create(settings, host -> {
            lookedUp.add(host);
            List<InetAddress> answer = new ArrayList<>();
            for (String address : addresses) {
                answer.add(InetAddress.getByName(address));
            }
            return answer;
        });
    }
}
