package io.moldtank.ports.memory;

import io.moldtank.ports.contract.MoltbookLinksContract;
import io.moldtank.ports.out.moltbook.MoltbookLinks;

class InMemoryMoltbookLinksTest implements MoltbookLinksContract {
    @Override
    public MoltbookLinks moltbookLinks() {
        return new InMemoryMoltbookLinks();
    }
}
