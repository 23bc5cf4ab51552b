package io.moldtank.ports.out.storage;

import java.util.List;

/** One page of results and the cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }
}
