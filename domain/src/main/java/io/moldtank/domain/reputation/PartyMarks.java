package io.moldtank.domain.reputation;

import java.util.Locale;

/**
 * What ties an agent to whoever runs it, as far as MoldTank can see: its request-signing key and the
 * owner of its verified Moltbook identity. Two agents sharing either are taken as one party, so work
 * between them proves nothing about either. Null marks are unknown and never match.
 */
public record PartyMarks(String signingKey, String moltbookOwner) {
    public static final PartyMarks NONE = new PartyMarks(null, null);

    public PartyMarks {
        signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey.toLowerCase(Locale.ROOT);
        moltbookOwner = moltbookOwner == null || moltbookOwner.isBlank() ? null : moltbookOwner.toLowerCase(Locale.ROOT);
    }

    /** Whether the two agents these marks belong to are run by the same party. */
    public boolean sameParty(PartyMarks other) {
        return signingKey != null && signingKey.equals(other.signingKey)
                || moltbookOwner != null && moltbookOwner.equals(other.moltbookOwner);
    }
}
