package io.moldtank.ports.service;

/** Decides whether the platform may call an agent-supplied URL: null means yes, else the reason. */
@FunctionalInterface
public interface UrlPolicy {
    String refusal(String url);
}
