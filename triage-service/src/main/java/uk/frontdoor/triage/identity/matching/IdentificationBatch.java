package uk.frontdoor.triage.identity.matching;

import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.Normalise;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.IdentityMatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Matching for a batch of contacts received in one transaction, with the same decisions as matching them
 * one at a time, in order, each remembered before the next is searched for; in a few statements instead of
 * two a contact. Every child's candidates are searched for at once, before any is decided; who each
 * contact's child was recorded as is written at the end. A contact whose search could have found what an
 * earlier contact of the batch left behind (judged by the blocking rules themselves, on the facts and
 * PostgreSQL's own sound-alike keys), or whose candidates include a child an earlier contact joined (its
 * merged facts have changed), is searched for again, alone, after what is pending is written: so its
 * candidates are exactly those a search of its own would find.
 */
public final class IdentificationBatch {

    private final ChildIdentification identification;
    private final CandidateFinder finder;
    private final List<Facts> facts;
    private final List<List<Candidate>> searched;
    private final List<CandidateFinder.SeenAt> pending = new ArrayList<>();
    private final List<Facts> remembered = new ArrayList<>();
    private final Set<String> rememberedChildren = new HashSet<>();
    private int searchedAgain;

    IdentificationBatch(ChildIdentification identification, CandidateFinder finder, List<IdentityFacts> children,
                        List<Boolean> searchAhead) {
        this.identification = identification;
        this.finder = finder;
        // The keys serve only the overlap check of a contact that is matched, and only contacts searched for
        // ahead are matched: a batch whose children are all known by NHS number needs none.
        List<String[]> keys = searchAhead.contains(true)
                ? finder.soundKeys(children.stream().map(Facts::names).toList())
                : Collections.nCopies(children.size(), new String[3]);
        this.facts = new ArrayList<>(children.size());
        for (int i = 0; i < children.size(); i++) {
            facts.add(Facts.of(children.get(i), keys.get(i)));
        }
        List<IdentityFacts> ahead = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            if (searchAhead.get(i)) {
                ahead.add(children.get(i));
            }
        }
        List<List<Candidate>> found = finder.findAll(ahead);
        this.searched = new ArrayList<>(children.size());
        int next = 0;
        for (int i = 0; i < children.size(); i++) {
            searched.add(searchAhead.get(i) ? found.get(next++) : null);
        }
    }

    /** The decision for the batch's contact at this index, as {@link ChildIdentification#match} would make it now. */
    public IdentityMatch match(int index) {
        Facts child = facts.get(index);
        List<Candidate> candidates = searched.get(index);
        if (candidates == null || touchedByEarlier(child, candidates)) {
            writePending();
            candidates = finder.find(child.facts());
            searchedAgain++;
        }
        return identification.match(child.facts(), candidates);
    }

    /** That the contact at this index was found to be this child: written with the rest, or before a search. */
    public void remember(int index, ChildId childId, Instant seenAt) {
        Facts child = facts.get(index);
        pending.add(new CandidateFinder.SeenAt(childId.value(), child.facts(), seenAt));
        remembered.add(child);
        rememberedChildren.add(childId.value());
    }

    /** Writes what is remembered and not yet written; the batch's transaction must do this before it commits. */
    public void writePending() {
        if (!pending.isEmpty()) {
            finder.rememberEach(pending);
            pending.clear();
        }
    }

    /** Every child the batch's searches ahead found, whichever contact found it. */
    public Set<String> childrenFound() {
        Set<String> found = new HashSet<>();
        for (List<Candidate> candidates : searched) {
            if (candidates != null) {
                candidates.forEach(candidate -> found.add(candidate.childId()));
            }
        }
        return found;
    }

    /** How many contacts were searched for again, alone (for the benchmark's report). */
    public int searchedAgain() {
        return searchedAgain;
    }

    private boolean touchedByEarlier(Facts child, List<Candidate> candidates) {
        for (Candidate candidate : candidates) {
            if (rememberedChildren.contains(candidate.childId())) {
                return true;
            }
        }
        for (Facts earlier : remembered) {
            if (child.couldFind(earlier)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A child's facts as its search uses them and as its variant row stores them (the same normalisation),
     * with PostgreSQL's {@code dmetaphone} of the family, given and mother's family names.
     */
    record Facts(IdentityFacts facts, String nhs, LocalDate dob, LocalDate swapped, LocalDate expected,
                 LocalDate around, String postcode, Set<String> postcodes, String sector, String familyKey,
                 String givenKey, String motherFamilyKey) {

        private static final int WINDOW = CandidateFinder.EXPECTED_WINDOW_DAYS;

        /** The names whose sound-alike keys are needed, as the search normalises them: family, given, mother's family. */
        static String[] names(IdentityFacts child) {
            return new String[]{Normalise.name(child.familyName()),
                    child.givenNames().isEmpty() ? null : Normalise.firstWord(child.givenNames().get(0)),
                    child.mother() == null ? null : Normalise.name(child.mother().familyName())};
        }

        static Facts of(IdentityFacts child, String[] keys) {
            String postcode = Normalise.postcode(child.postcode());
            Set<String> postcodes = new HashSet<>();
            if (postcode != null) {
                postcodes.add(postcode);
            }
            child.previousPostcodes().stream().map(Normalise::postcode).filter(Objects::nonNull).forEach(postcodes::add);
            LocalDate dob = child.dateOfBirth();
            return new Facts(child, Normalise.nhsNumber(child.nhsNumber()), dob, CandidateFinder.swapped(dob),
                    child.expectedDateOfBirth(), dob != null ? dob : child.expectedDateOfBirth(), postcode, postcodes,
                    Normalise.sector(postcode), keys[0], keys[1], keys[2]);
        }

        /**
         * Whether this child's search could find the variant row that {@code earlier}'s facts were remembered
         * as: the blocking rules of {@link CandidateFinder}, one by one, without their limits and similarity
         * thresholds (so never wrongly false).
         */
        boolean couldFind(Facts earlier) {
            boolean sameFamily = same(earlier.familyKey, familyKey);
            boolean sameGiven = same(earlier.givenKey, givenKey);
            boolean sameSector = same(earlier.sector, sector);
            boolean sameMother = same(earlier.motherFamilyKey, motherFamilyKey);
            boolean unborn = dob == null;
            return same(earlier.nhs, nhs)
                    || (earlier.dob != null && (earlier.dob.equals(dob) || earlier.dob.equals(swapped))
                        && (sameFamily || sameGiven || same(earlier.familyKey, givenKey) || sameSector))
                    || (sameFamily && sameGiven && earlier.dob != null && dob != null
                        && earlier.dob.getYear() == dob.getYear())
                    || (sameSector && (sameFamily || sameGiven))
                    || (earlier.postcode != null && postcodes.contains(earlier.postcode))
                    || (within(earlier.expected) && (sameFamily || sameMother))
                    || (unborn && within(earlier.dob) && (sameFamily || sameMother));
        }

        private boolean within(LocalDate date) {
            return date != null && around != null && Math.abs(ChronoUnit.DAYS.between(around, date)) <= WINDOW;
        }

        private static boolean same(String one, String other) {
            return one != null && one.equals(other);
        }
    }
}
