package io.moldtank.domain.webhook;

import io.moldtank.domain.shared.Reason;

/** Why a webhook request was refused; codes appear as problem types. */
public enum WebhookRefusal implements Reason {
    WEBHOOK_URL_REFUSED,
    WEBHOOK_TYPES_INVALID,
    WEBHOOK_LIMIT_REACHED
}
