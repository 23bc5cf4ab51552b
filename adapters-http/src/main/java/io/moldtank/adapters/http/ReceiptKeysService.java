package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** GET /.well-known/moldtank-receipt-keys.json: the key that verifies submission receipts, public and cacheable. */
final class ReceiptKeysService implements HttpService {

    private final SubmissionReceipts receipts;
    private final RouteTable table;

    ReceiptKeysService(SubmissionReceipts receipts, RouteTable table) {
        this.receipts = receipts;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, "").get(SubmissionReceipts.WELL_KNOWN, (req, res) -> {
            res.header("Cache-Control", "public, max-age=3600");
            Exchange.ok(res, receipts.publicKeys());
        });
    }
}
