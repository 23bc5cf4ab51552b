package io.moldtank.ports.in.reconciliation;

import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.out.storage.DifferenceLog.DifferenceRecord;

public interface AcknowledgeDifferenceUseCase {
    Outcome<DifferenceRecord> acknowledge(AcknowledgeDifferenceCommand command);

    record AcknowledgeDifferenceCommand(long id, String operator, String note) {
        public AcknowledgeDifferenceCommand {
            if (operator == null || operator.isBlank()) {
                throw new IllegalArgumentException("operator is required");
            }
            if (note == null || note.isBlank() || note.length() > 2000) {
                throw new IllegalArgumentException("note must be 1 to 2000 characters");
            }
        }
    }
}
