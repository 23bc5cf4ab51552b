package io.moldtank.archfixture.domain;

import io.moldtank.archfixture.ports.PlaceOrderPort;
import org.slf4j.Logger;

/** Breaks "domain depends only on java..": reaches out to ports and to a logging library. */
public final class DomainViolationUsesPortsAndALibrary {
    PlaceOrderPort port;
    Logger logger;
}
