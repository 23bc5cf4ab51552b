package io.moldtank.ports.out.search;

/**
 * The order tag a search cursor carries: what is searched, the sort, and for a text match a digest of the
 * text, so a cursor handed to another query or order is refused rather than read as a position in it.
 */
public final class Orders {
    private Orders() {
    }

    public static String listing(ListingSearch q) {
        return "LISTINGS_" + q.sort() + (q.text() == null ? "" : "_" + digest(q.text().text()));
    }

    public static String bounty(BountySearch q) {
        return "BOUNTIES_" + q.sort() + "_" + digest(q.text().text());
    }

    private static String digest(String text) {
        return Integer.toHexString(text.hashCode());
    }
}
