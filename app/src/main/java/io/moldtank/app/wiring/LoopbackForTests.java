package io.moldtank.app.wiring;

import io.moldtank.ports.service.UrlPolicy;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test-only ({@code moldtank.webhooks.allow-loopback-for-tests}): the SSRF guard, except that a host
 * whose every address is loopback may be called, so an end-to-end test can run its receiver on
 * 127.0.0.1. Still https only. Never set in production: it lets agents reach this machine's ports.
 */
record LoopbackForTests(UrlPolicy strict) implements UrlPolicy {

    @Override
    public String refusal(String url) {
        try {
            URI uri = new URI(url);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null && uri.getHost() != null
                    && resolve(uri.getHost()) instanceof Resolution.Addresses) {
                return null;
            }
        } catch (java.net.URISyntaxException e) {
            return "not a URL";
        }
        return strict.refusal(url);
    }

    @Override
    public Resolution resolve(String host) {
        try {
            List<InetAddress> all = List.of(InetAddress.getAllByName(host));
            if (all.stream().allMatch(InetAddress::isLoopbackAddress)) {
                return new Resolution.Addresses(all);
            }
        } catch (UnknownHostException e) {
            return new Resolution.Refused("host does not resolve");
        }
        return strict.resolve(host);
    }

    /** Test-only ({@code moldtank.webhooks.trust-certificate-for-tests}): TLS trusting one PEM certificate. */
    static SSLContext trusting(String pemFile) {
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("test-receiver", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalArgumentException("moldtank.webhooks.trust-certificate-for-tests: " + e.getMessage(), e);
        }
    }
}
