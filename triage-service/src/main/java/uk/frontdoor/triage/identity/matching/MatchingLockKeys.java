package uk.frontdoor.triage.identity.matching;

import uk.frontdoor.matching.IdentityFacts;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reception must lock so that matching stays as if receptions took turns: for contacts about to be
 * received, keys such that any two contacts that one of {@link CandidateFinder}'s blocking rules could join
 * share at least one key. Two transactions whose contacts share no key cannot be candidates for each other
 * (neither's search can find the variant row the other writes), so they may run side by side; two that share
 * one are serialised on it, and the later one's search then sees the earlier one's rows.
 *
 * <p>Contact B's search finds contact A's variant row when, rule by rule ({@code HITS}, and
 * {@code IdentificationBatch.Facts.couldFind}, which checks the same thing in Java). Each contact takes the keys
 * of both sides of every rule (it may be the searcher or the one found), so each argument below holds whichever
 * of the two is received first:
 * <ol>
 *   <li><b>NHS number</b>: equal numbers. Key {@code 1|nhs}: the same number gives the same key.</li>
 *   <li><b>Date of birth</b>: A's date is B's or B's with day and month swapped, and A's family key equals B's
 *       family or given key, or A's given key equals B's given key, or the sectors are equal. The date key is
 *       the date with day and month put in order when the day is 12 or less ({@link #birthKey}): a date and its
 *       swap ({@link CandidateFinder#swapped}, only for days up to 12) have the same one. The names are keyed
 *       without their role ({@code 2n|date|key} for the family key and for the given key), so family against
 *       family, given against given and family against given (names swapped, either way round) all share a key;
 *       the sector is {@code 2s|date|sector}.</li>
 *   <li><b>Names and year</b>: both family keys and both given keys equal, born in the same year. Key
 *       {@code 3|year|family key|given key}.</li>
 *   <li><b>Sector and name</b>: the same sector with the same family key, or with the same given key (two
 *       queries, each with its own role). Keys {@code 4f|sector|family key} and {@code 4g|sector|given key}. The
 *       query's order by similarity and limit only narrow what is found: the key covers every row it could
 *       find.</li>
 *   <li><b>Postcode and similar name</b>: A's postcode is one of B's postcodes (its own or a previous one) and
 *       the full names' trigram similarity is at least 0.4. A similarity has no key that equal values share, so
 *       the key is the coarser postcode alone, {@code 5|postcode}, for every postcode a contact gives: A's
 *       variant row's postcode is A's own, which is among A's keys, and among B's when B searches by it.</li>
 *   <li><b>Expected and actual births</b>: A's expected date of birth within {@value CandidateFinder#EXPECTED_WINDOW_DAYS}
 *       days of B's date of birth (or expected date when B is unborn), with the same family key or mother's
 *       family key; and, for an unborn B, A's date of birth within that window of B's expected date, with the
 *       same family key (one query) or mother's family key (another). A range has no key that equal values
 *       share: days are put in buckets of {@value #BUCKET_DAYS} (more than the window's
 *       {@value CandidateFinder#EXPECTED_WINDOW_DAYS} either side), a date found takes its bucket's key and a
 *       searcher takes every bucket its window touches (one or two), each with the family key and with the
 *       mother's family key: {@code 6f|bucket|key}, {@code 6m|bucket|key}. A date inside B's window is in one of
 *       the buckets B's window touches, so they share a key. The three rules share the keys: each contact's
 *       expected date and date of birth are found dates, and its window (about its date of birth, else its
 *       expected date) is searched, whether or not it is unborn, which serialises a little more than the rules
 *       need (two born children of one family born within a few months) and needs no key of its own.</li>
 * </ol>
 * A contact without a value a rule needs takes no key for that rule, as the rule finds nothing with it: SQL's
 * comparisons with null are never true. The keys come from the facts the variant row is written with
 * ({@link SubmissionIdentity}), normalised as the row's columns are, with PostgreSQL's own {@code dmetaphone}
 * keys ({@link CandidateFinder#soundKeys}), so what the search compares is what the keys compare.
 *
 * <p>What the keys do not cover, and what does: a search finds a child by one variant and then reads all of
 * them, so a contact joining a known child by one key and another finding that child by another both see it
 * without sharing a key; if both join it, both append to its stream, and the event store's unique (stream,
 * sequence number) fails the later commit, which is received again after the earlier one
 * ({@code TriageConfiguration#commandGateway}'s retries; a failed batch or group is received one contact at a
 * time). If only one joins it, the other's decision is what it would have been received first, and the one
 * that joined could not have found the other's row (they share no key): the outcome is one of the two orders.
 *
 * <p>The keys are personal data (a date of birth and a sound-alike name): they stay in this JVM, are never
 * logged, and leave it only as keyed hashes ({@code ContactRegistry}).
 */
public final class MatchingLockKeys {

    /** Days in a bucket of the expected-birth rules: a window of 60 days either side touches at most two. */
    static final int BUCKET_DAYS = 2 * CandidateFinder.EXPECTED_WINDOW_DAYS + 1;

    private MatchingLockKeys() {
    }

    /**
     * The keys of these contacts' children together, without repeats.
     *
     * @param soundKeys for each child, {@link CandidateFinder#soundKeys} of {@code IdentificationBatch.Facts#names}
     */
    public static Set<String> of(List<IdentityFacts> children, List<String[]> soundKeys) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < children.size(); i++) {
            add(IdentificationBatch.Facts.of(children.get(i), soundKeys.get(i)), keys);
        }
        return keys;
    }

    /** The names whose sound-alike keys {@link #of} needs, for {@link CandidateFinder#soundKeys}. */
    public static String[] names(IdentityFacts child) {
        return IdentificationBatch.Facts.names(child);
    }

    private static void add(IdentificationBatch.Facts child, Set<String> keys) {
        String family = child.familyKey();
        String given = child.givenKey();
        String mother = child.motherFamilyKey();
        String sector = child.sector();
        LocalDate dob = child.dob();
        if (child.nhs() != null) {
            keys.add("1|" + child.nhs());
        }
        if (dob != null) {
            String birth = birthKey(dob);
            if (family != null) {
                keys.add("2n|" + birth + "|" + family);
            }
            if (given != null) {
                keys.add("2n|" + birth + "|" + given);
            }
            if (sector != null) {
                keys.add("2s|" + birth + "|" + sector);
            }
            if (family != null && given != null) {
                keys.add("3|" + dob.getYear() + "|" + family + "|" + given);
            }
        }
        if (sector != null) {
            if (family != null) {
                keys.add("4f|" + sector + "|" + family);
            }
            if (given != null) {
                keys.add("4g|" + sector + "|" + given);
            }
        }
        for (String postcode : child.postcodes()) {
            keys.add("5|" + postcode);
        }
        if (family != null || mother != null) {
            Set<Long> buckets = new LinkedHashSet<>();
            for (LocalDate found : new LocalDate[]{child.expected(), dob}) {
                if (found != null) {
                    buckets.add(bucket(found));
                }
            }
            LocalDate around = child.around();
            if (around != null) {
                for (long b = bucket(around.minusDays(CandidateFinder.EXPECTED_WINDOW_DAYS));
                     b <= bucket(around.plusDays(CandidateFinder.EXPECTED_WINDOW_DAYS)); b++) {
                    buckets.add(b);
                }
            }
            for (long b : buckets) {
                if (family != null) {
                    keys.add("6f|" + b + "|" + family);
                }
                if (mother != null) {
                    keys.add("6m|" + b + "|" + mother);
                }
            }
        }
    }

    /** A date of birth with its day and month in order when the day could be a month: the same for its swap. */
    static String birthKey(LocalDate dob) {
        int day = dob.getDayOfMonth();
        int month = dob.getMonthValue();
        if (day > 12) {
            return dob.toString();
        }
        return dob.getYear() + "-" + Math.min(day, month) + "-" + Math.max(day, month);
    }

    private static long bucket(LocalDate date) {
        return Math.floorDiv(date.toEpochDay(), BUCKET_DAYS);
    }
}
