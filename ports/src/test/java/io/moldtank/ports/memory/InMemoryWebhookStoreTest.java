package io.moldtank.ports.memory;

import io.moldtank.ports.contract.WebhookStoreContract;
import io.moldtank.ports.out.webhook.WebhookStore;

class InMemoryWebhookStoreTest implements WebhookStoreContract {
    @Override
    public WebhookStore webhookStore() {
        return new InMemoryWebhookStore();
    }
}
