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
import java.util.function.Consumer;

/**
 * Matching for a batch of contacts received in one transaction, with the same decisions as matching them
 * one at a time, in order, each remembered before the next is searched for; in a few statements instead of
 * two a contact. Every child's candidates are searched for at once, before any is decided; who each
 * contact's child was recorded as is written at the end. A contact whose search could have found what a
 * contact of the batch remembered after that search (judged by the blocking rules themselves, on the facts
 * and PostgreSQL's own sound-alike keys), or whose candidates include a child such a contact joined (its
 * merged facts have changed), is searched for again after what is pending is written: so its candidates are
 * exactly those a search of its own would find. Such a search takes with it, in the same statement, every
 * later contact that is stale in the same way and that no contact between could change, so that a batch
 * needs a few searches again, not one for each stale contact.
 */
public final class IdentificationBatch {

    private final ChildIdentification identification;
    private final CandidateFinder finder;
    private final List<Facts> facts;
    private final List<List<Candidate>> searched;
    /** For each contact, how many contacts of the batch had been remembered (and written) when it was searched for. */
    private final int[] searchedAfter;
    /**
     * For each contact, how many remembered contacts {@link #stale} has already found it could not be changed by:
     * the remembered list only grows and each check is of one remembered contact against the contact's facts and
     * candidates, so those need not be checked again (every search again asks about every later contact).
     */
    private final int[] freshUpTo;
    /** Whether the contact's candidates came from a search after the batch's first. */
    private final boolean[] fromSearchAgain;
    /** For each contact, its candidates' children ({@link #candidateIds}), once asked for; null again after a search. */
    private final Set<String>[] candidateIds;
    private final List<CandidateFinder.SeenAt> pending = new ArrayList<>();
    private final List<Remembered> remembered = new ArrayList<>();
    private final Consumer<Set<String>> foundAgain;
    private int searchedAgain;
    private int searchesAgain;

    IdentificationBatch(ChildIdentification identification, CandidateFinder finder, List<IdentityFacts> children,
                        List<Boolean> searchAhead, Consumer<Set<String>> foundAgain, List<String[]> soundKeys) {
        this.identification = identification;
        this.finder = finder;
        this.foundAgain = foundAgain;
        this.searchedAfter = new int[children.size()];
        this.freshUpTo = new int[children.size()];
        this.fromSearchAgain = new boolean[children.size()];
        @SuppressWarnings("unchecked")
        Set<String>[] ids = new Set[children.size()];
        this.candidateIds = ids;
        // The keys serve only the overlap check of a contact that is matched, and only contacts searched for
        // ahead are matched: a batch whose children are all known by NHS number needs none.
        // The reception's lock keys may have needed them already (soundKeys, else null).
        List<String[]> keys = soundKeys != null ? soundKeys : searchAhead.contains(true)
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
        if (stale(index)) {
            searchAgain(index);
        }
        if (fromSearchAgain[index]) {
            searchedAgain++;
        }
        return identification.match(facts.get(index).facts(), searched.get(index));
    }

    /** That the contact at this index was found to be this child: written with the rest, or before a search. */
    public void remember(int index, ChildId childId, Instant seenAt) {
        Facts child = facts.get(index);
        pending.add(new CandidateFinder.SeenAt(childId.value(), child.facts(), seenAt));
        remembered.add(new Remembered(child, childId.value()));
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

    /** How many contacts were matched on candidates from a search after the first. */
    public int searchedAgain() {
        return searchedAgain;
    }

    /** In how many statements those contacts were searched for again. */
    public int searchesAgain() {
        return searchesAgain;
    }

    /**
     * Whether the contact's candidates may differ from what a search of its own would find now: never searched
     * for, or a contact remembered since its search could be found by it or joined one of its candidates.
     */
    private boolean stale(int index) {
        List<Candidate> candidates = searched.get(index);
        if (candidates == null) {
            return true;
        }
        Facts child = facts.get(index);
        int from = Math.max(searchedAfter[index], freshUpTo[index]);
        if (from < remembered.size()) {
            Set<String> candidateIds = candidateIds(index, candidates);
            for (int r = from; r < remembered.size(); r++) {
                Remembered since = remembered.get(r);
                if (child.couldFind(since.facts()) || candidateIds.contains(since.childId())) {
                    return true;
                }
            }
        }
        freshUpTo[index] = remembered.size();
        return false;
    }

    /**
     * The children among the contact's candidates, as a set: a contact is checked against every contact remembered
     * since its search, and the batch's contacts have a few hundred candidates between them, so a look-up each instead
     * of a pass over the candidates each. Made afresh whenever its candidates change (a search again).
     */
    private Set<String> candidateIds(int index, List<Candidate> candidates) {
        Set<String> ids = candidateIds[index];
        if (ids == null) {
            ids = new HashSet<>(candidates.size() * 2);
            for (Candidate candidate : candidates) {
                ids.add(candidate.childId());
            }
            candidateIds[index] = ids;
        }
        return ids;
    }

    /**
     * Searches for this contact again, after writing what is pending, and in the same statement for every later
     * contact that is stale too and could not find any contact from this one up to itself: their searches now
     * are what their own would find when their turn comes, unless a contact between joins one of their
     * candidates, which {@link #stale} still sees.
     */
    private void searchAgain(int index) {
        writePending();
        List<Integer> again = new ArrayList<>();
        again.add(index);
        for (int later = index + 1; later < facts.size(); later++) {
            if (searched.get(later) != null && stale(later) && !couldFindAnyOf(later, index)) {
                again.add(later);
            }
        }
        List<List<Candidate>> found = finder.findAll(again.stream().map(i -> facts.get(i).facts()).toList());
        Set<String> children = new HashSet<>();
        for (int i = 0; i < again.size(); i++) {
            searched.set(again.get(i), found.get(i));
            candidateIds[again.get(i)] = null;
            searchedAfter[again.get(i)] = remembered.size();
            fromSearchAgain[again.get(i)] = true;
            found.get(i).forEach(candidate -> children.add(candidate.childId()));
        }
        searchesAgain++;
        foundAgain.accept(children);
    }

    /** Whether the contact at {@code later} could find any of the contacts from {@code from} up to it. */
    private boolean couldFindAnyOf(int later, int from) {
        Facts child = facts.get(later);
        for (int between = from; between < later; between++) {
            if (child.couldFind(facts.get(between))) {
                return true;
            }
        }
        return false;
    }

    private record Remembered(Facts facts, String childId) {
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
