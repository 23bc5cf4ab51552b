package io.moldtank.adapters.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every route the API registers, recorded as it is registered: the OpenAPI test compares the document
 * against this list, and metrics use it to name route families.
 */
final class RouteTable {
    record Route(Method method, String template) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** Registers handlers under {@code prefix} (the path the service is mounted at) and records them. */
    Routes on(HttpRules rules, String prefix) {
        return new Routes(rules, prefix);
    }

    void record(Method method, String template) {
        routes.add(new Route(method, template));
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    Set<String> templates() {
        return Set.copyOf(routes.stream().map(Route::template).toList());
    }

    final class Routes {
        private final HttpRules rules;
        private final String prefix;

        private Routes(HttpRules rules, String prefix) {
            this.rules = rules;
            this.prefix = prefix;
        }

        Routes get(String path, Handler h) {
            return add(Method.GET, path, h);
        }

        Routes post(String path, Handler h) {
            return add(Method.POST, path, h);
        }

        Routes put(String path, Handler h) {
            return add(Method.PUT, path, h);
        }

        Routes delete(String path, Handler h) {
            return add(Method.DELETE, path, h);
        }

        private Routes add(Method method, String path, Handler h) {
            rules.route(method, path, h);
            record(method, path.equals("/") ? prefix : prefix + path);
            return this;
        }
    }
}
