package io.moldtank.ports.in.scraper;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.ports.in.Outcome;
import java.util.List;
import java.util.UUID;

/** An operator's review of the scraper's drafts: approve (a DRAFT bounty is made) or reject. */
public interface ReviewDraftsUseCase {

    List<ScrapedDraft> drafts(ScrapedDraft.Status status, int limit);

    /** Posts the draft as a DRAFT bounty of the platform's poster, with the operator's edits (null: the draft's). */
    Outcome<ScrapedDraft> approve(ApproveDraftCommand command);

    Outcome<ScrapedDraft> reject(RejectDraftCommand command);

    record ApproveDraftCommand(UUID draftId, String operator, String title, Usdc reward, Acceptance acceptance) {
        public ApproveDraftCommand {
            if (draftId == null || operator == null || operator.isBlank()) {
                throw new IllegalArgumentException("draft and operator are required");
            }
        }
    }

    record RejectDraftCommand(UUID draftId, String operator, String note) {
        public RejectDraftCommand {
            if (draftId == null || operator == null || operator.isBlank()) {
                throw new IllegalArgumentException("draft and operator are required");
            }
            if (note == null || note.isBlank() || note.length() > 2000) {
                throw new IllegalArgumentException("note must be 1..2000 characters");
            }
        }
    }
}
