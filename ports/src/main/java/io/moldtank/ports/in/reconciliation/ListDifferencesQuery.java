package io.moldtank.ports.in.reconciliation;

import io.moldtank.ports.out.storage.DifferenceLog.DifferenceRecord;
import java.util.List;

public interface ListDifferencesQuery {
    List<DifferenceRecord> openDifferences(int limit);
}
