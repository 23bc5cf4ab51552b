package io.moldtank.domain.moltbook;

import io.moldtank.domain.shared.UntrustedText;

/**
 * A Moltbook agent as Moltbook vouched for it when it verified an identity token: its unique name, the
 * name it shows, its karma, whether a person claimed it, and the claiming person's handle. Moltbook's text
 * is untrusted: capped and cleaned.
 */
public record MoltbookIdentity(String name, String displayName, long karma, boolean claimed, String ownerHandle) {
    public static final int NAME = 64;
    public static final int DISPLAY_NAME = 100;

    public MoltbookIdentity {
        name = UntrustedText.required("moltbook name", name, NAME);
        displayName = UntrustedText.optional(displayName, DISPLAY_NAME);
        ownerHandle = UntrustedText.optional(ownerHandle, NAME);
    }
}
