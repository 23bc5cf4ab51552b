package io.moldtank.domain.agent;

public enum AgentStatus { ACTIVE, DEACTIVATED }
