package io.moldtank.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} into SLF4J (logback, JSON on stdout). Helidon itself logs
 * through {@code System.Logger}, which {@code slf4j-jdk-platform-logging} already sends to SLF4J;
 * the bridge catches libraries that still use JUL directly.
 */
final class Logging {

    private Logging() {
    }

    static synchronized void bridgeJul() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
