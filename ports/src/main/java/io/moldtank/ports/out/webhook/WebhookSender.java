package io.moldtank.ports.out.webhook;

import java.util.Map;

/**
 * POSTs one signed delivery to an agent's URL. Implementations pass the SSRF policy again at connect
 * time, follow no redirects, read a bounded part of the answer and time out within seconds.
 */
public interface WebhookSender {
    Reply post(String url, Map<String, String> headers, String body);

    /** {@code status} 0 when no HTTP answer came (refused, timed out, unreachable); {@code error} null on 2xx. */
    record Reply(int status, long durationMillis, String error) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }
}
