package io.moldtank.domain.scraper;

/** A post that reads as a wish, with its score at the run's time and what makes it the same wish as another. */
public record Candidate(SourcePost post, double score, Fingerprint fingerprint) {
}
