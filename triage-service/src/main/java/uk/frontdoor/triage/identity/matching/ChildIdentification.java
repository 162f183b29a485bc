package uk.frontdoor.triage.identity.matching;

import org.springframework.stereotype.Component;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.FieldResult;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.MatchDecision;
import uk.frontdoor.matching.MatchScore;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.IdentityMatch;
import uk.frontdoor.triage.identity.history.LinkedHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Matching on receipt: the known children a contact's child might be, found in PostgreSQL, scored by the
 * matcher, and the decision in the published language to record with the contact. Runs inside the
 * reception's transaction, so the child it remembers is the child the contact joined.
 */
@Component
public class ChildIdentification {

    private final CandidateFinder candidates;
    private final ChildMatcher matcher;
    private final KnownChildCount knownChildren;
    private final LinkedHistory links;

    public ChildIdentification(CandidateFinder candidates, ChildMatcher matcher, KnownChildCount knownChildren,
                        LinkedHistory links) {
        this.candidates = candidates;
        this.matcher = matcher;
        this.knownChildren = knownChildren;
        this.links = links;
    }

    /**
     * The decision for this child; for a confident one, the child joined is the first candidate. A known
     * child recorded with a different NHS number is not this child (an NHS number is one person's, and
     * twins have two): never joined, never offered to a person as a possible match. The prior follows the
     * number of known children, and is recorded with the decision. Records already linked as one child
     * count as one: a contact that matches two of them confidently joins the earliest of them
     * ({@link LinkedHistory#recordToJoin}) instead of going to a person.
     */
    public IdentityMatch match(IdentityFacts child) {
        return match(child, candidates.find(child));
    }

    /**
     * Matching for the contacts of one transaction, in their order: {@code searchAhead} says which of them
     * will need a search (the others are known by NHS number), so that those are all searched for at once.
     * {@code foundAgain} is told the children each later search finds (the first search's are
     * {@link IdentificationBatch#childrenFound}).
     */
    public IdentificationBatch batch(List<IdentityFacts> children, List<Boolean> searchAhead,
                                     Consumer<Set<String>> foundAgain) {
        return batch(children, searchAhead, foundAgain, null);
    }

    /**
     * {@link #batch(List, List, Consumer)} with the children's sound-alike keys already read
     * ({@link #soundKeys}), or null to read them if needed.
     */
    public IdentificationBatch batch(List<IdentityFacts> children, List<Boolean> searchAhead,
                                     Consumer<Set<String>> foundAgain, List<String[]> soundKeys) {
        return new IdentificationBatch(this, candidates, children, searchAhead, foundAgain, soundKeys);
    }

    /**
     * PostgreSQL's sound-alike keys of each child's family, given and mother's family names, in one statement: what
     * the blocking rules compare, for {@link MatchingLockKeys} and then for the batch.
     */
    public List<String[]> soundKeys(List<IdentityFacts> children) {
        return candidates.soundKeys(children.stream().map(MatchingLockKeys::names).toList());
    }

    /** {@link #match(IdentityFacts)} on candidates already found for this child. */
    IdentityMatch match(IdentityFacts child, List<Candidate> candidatesFound) {
        List<Candidate> found = candidatesFound.stream()
                .filter(candidate -> !contradicts(child.nhsNumber(), candidate.facts().nhsNumber()))
                .toList();
        MatchDecision decision = matcher.match(child, found, knownChildren.current(),
                records -> links.recordToJoin(records.stream().map(ChildId::of).collect(Collectors.toSet()))
                        .map(ChildId::value));
        return recorded(decision);
    }

    /** A matcher's decision in the published language, as it is recorded with the contact. */
    public static IdentityMatch recorded(MatchDecision decision) {
        List<IdentityMatch.Candidate> scored = new ArrayList<>();
        decision.matched().ifPresent(matched -> scored.add(candidate(matched)));
        decision.possibleMatches().forEach(possible -> scored.add(candidate(possible)));
        return new IdentityMatch(IdentityMatch.Outcome.valueOf(decision.outcome().name()), scored,
                decision.parametersVersion(), decision.confidentThreshold(), decision.possibleThreshold(),
                decision.prior(), decision.knownChildren());
    }

    private static boolean contradicts(String nhsNumber, String known) {
        return nhsNumber != null && known != null && !nhsNumber.equals(known);
    }

    private static IdentityMatch.Candidate candidate(MatchScore score) {
        return new IdentityMatch.Candidate(ChildId.of(score.childId()), round(score.score()),
                round(score.probability()), score.fields().stream().filter(field -> !field.missing())
                .map(FieldResult::describe).toList());
    }

    /** Stored to a precision a person can read; the parameters' version says how it was computed. */
    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
