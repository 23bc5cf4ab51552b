package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reconciliation.BookEntry;
import io.moldtank.domain.reconciliation.BookEntry.PayoutBook;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The books' side of reconciliation: a bounty, its poster's wallet and its payout, in one join. */
final class BookRows {
    private static final String SELECT = "SELECT b.id, b.status, b.reward_units, b.deposit_tx, a.wallet AS poster_wallet, "
            + "p.id AS payout_id, p.status AS payout_status, p.wallet AS payout_wallet, p.amount_units, "
            + "p.tx_hash AS payout_tx, p.endpoint FROM bounties b JOIN agents a ON a.id = b.poster_id "
            + "LEFT JOIN payouts p ON p.bounty_id = b.id ";

    private BookRows() {
    }

    static List<BookEntry> of(Connection c, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE b.id IN (" + Rows.placeholders(ids.size()) + ")")) {
            Rows.bindUuids(ps, 1, ids);
            return read(ps);
        }
    }

    static List<BookEntry> claimingChainMoney(Connection c, BountyId after, int limit) throws SQLException {
        String where = "WHERE (b.deposit_tx IS NOT NULL OR b.status = 'PAID' OR p.status = 'CONFIRMED') "
                + (after == null ? "" : "AND b.id > ? ") + "ORDER BY b.id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            int i = 1;
            if (after != null) {
                ps.setObject(i++, after.value());
            }
            ps.setInt(i, limit);
            return read(ps);
        }
    }

    private static List<BookEntry> read(PreparedStatement ps) throws SQLException {
        List<BookEntry> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID payout = rs.getObject("payout_id", UUID.class);
                found.add(new BookEntry(new BountyId(Rows.uuid(rs, "id")), BountyStatus.valueOf(rs.getString("status")),
                        Usdc.ofUnits(rs.getLong("reward_units")), new WalletAddress(rs.getString("poster_wallet")),
                        rs.getString("deposit_tx"), payout == null ? Optional.empty() : Optional.of(new PayoutBook(
                        new PayoutId(payout), PayoutStatus.valueOf(rs.getString("payout_status")),
                        new WalletAddress(rs.getString("payout_wallet")), Usdc.ofUnits(rs.getLong("amount_units")),
                        rs.getString("payout_tx"), rs.getString("endpoint") != null))));
            }
        }
        return found;
    }
}
