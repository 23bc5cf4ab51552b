package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.adapters.http.console.Console;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.ports.out.chain.EscrowHistory;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.service.ModeratingAgents;
import io.moldtank.ports.service.ReportingMoney;
import io.moldtank.ports.service.Storage;
import java.time.Duration;

/**
 * The operator console (/console) is on exactly when the operator API is (moldtank.operator.token):
 * same token, same use cases; {@code moldtank.console.session} sets how long a sign-in lasts (8 h).
 */
final class OperatorConsole {
    private OperatorConsole() {
    }

    static void provide(Config node, HttpAdapters.Api api, SqlStorage storage, EscrowHistory history, EventFeed feed,
                        Wiring wiring) {
        if (api.operator() == null) {
            wiring.chose("console", "off (moldtank.operator.token not set)");
            return;
        }
        var console = storage.operatorConsole();
        wiring.provide(Console.Parts.class, new Console.Parts(api.operator(), api.core(), api.registry(),
                new ModeratingAgents(Storage.of(storage), wiring.clock()), console, api.limiter(), wiring.clock(),
                api.reconciliation(), api.scraper(), new ReportingMoney(console, storage, history, wiring.clock()),
                feed, node.get("session").as(Duration.class).orElse(Duration.ofHours(8))));
        wiring.chose("console", "on at " + Console.PATH);
    }
}
