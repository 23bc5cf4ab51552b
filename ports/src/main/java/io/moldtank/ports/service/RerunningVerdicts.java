package io.moldtank.ports.service;

import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.Submission;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.out.validation.ValidationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reruns a submission's last validation round on the same panel and says whether it came out the
 * same: same verdict per validator, and, where the votes recorded them, the same sandbox image, command
 * and input hashes. Nothing is recorded; the submission's state does not change.
 */
public final class RerunningVerdicts {

    /** Details that must be identical for a rerun to count as the same run. */
    public static final List<String> SAME_RUN = List.of("image", "command", "inputs");

    public record Rerun(SubmissionId id, int recordedAttempt, List<Vote> recorded, List<Vote> rerun, boolean matches,
                        List<String> differences) {
        public Rerun {
            recorded = List.copyOf(recorded);
            rerun = List.copyOf(rerun);
            differences = List.copyOf(differences);
        }
    }

    private final BrowsingBounties browsing;
    private final ValidatorPanel panel;

    public RerunningVerdicts(BrowsingBounties browsing, ValidatorPanel panel) {
        this.browsing = Objects.requireNonNull(browsing, "browsing");
        this.panel = Objects.requireNonNull(panel, "panel");
    }

    public Outcome<Rerun> rerun(SubmissionId id) {
        if (!(browsing.submission(id) instanceof Outcome.Done<SubmissionSnapshot>(SubmissionSnapshot s))) {
            return Outcome.notFound("submission", id);
        }
        BountySnapshot bounty = browsing.bounty(s.bountyId()).orThrow();
        int attempt = s.votes().stream().mapToInt(Submission.CastVote::attempt).max().orElse(0);
        List<Vote> recorded = s.votes().stream().filter(v -> v.attempt() == attempt).map(Submission.CastVote::vote).toList();
        List<Vote> rerun = panel.round(new ValidationRequest(bounty.id(), bounty.terms(), id, attempt + 1, s.content()),
                bounty.terms().quorum().validators());
        var differences = new ArrayList<String>();
        if (recorded.isEmpty()) {
            differences.add("no recorded round to compare with");
        }
        for (int i = 0; i < Math.min(recorded.size(), rerun.size()); i++) {
            Vote was = recorded.get(i);
            Vote now = rerun.get(i);
            if (!was.validator().equals(now.validator())) {
                differences.add("validator " + i + ": " + was.validator() + " then, " + now.validator() + " now");
                continue;
            }
            if (was.kind() != now.kind()) {
                differences.add(was.validator() + ": " + was.kind() + " then, " + now.kind() + " now");
            }
            for (String key : SAME_RUN) {
                String a = was.details().get(key);
                String b = now.details().get(key);
                if (a != null && !a.equals(b)) {
                    differences.add(was.validator() + ": " + key + " differs");
                }
            }
        }
        return Outcome.done(new Rerun(id, attempt, recorded, rerun, differences.isEmpty(), differences));
    }
}
