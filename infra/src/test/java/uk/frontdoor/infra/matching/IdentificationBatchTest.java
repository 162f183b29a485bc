package uk.frontdoor.infra.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.MatchParameters;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.IdentityMatch;
import uk.frontdoor.triage.identity.history.LinkedHistory;
import uk.frontdoor.triage.identity.matching.CandidateFinder;
import uk.frontdoor.triage.identity.matching.ChildIdentification;
import uk.frontdoor.triage.identity.matching.IdentificationBatch;
import uk.frontdoor.triage.identity.matching.KnownChildCount;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching a batch of contacts in one go decides exactly as matching them one at a time, in order, each
 * remembered before the next is searched for; on the real embedded PostgreSQL. The contacts come from a
 * crowded little world (a few names, three postcode sectors, two years of birthdays, babies not yet
 * born), so that the batch's contacts often could find what earlier ones of the batch left behind.
 */
class IdentificationBatchTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String[] GIVEN = {"Ava", "Eva", "Leo", "Noor", "Zara", "Sara"};
    private static final String[] FAMILY = {"Okafor", "Smith", "Smyth", "Nowak", "Khan"};
    private static final String[] POSTCODES = {"LS1 4AP", "LS1 4AQ", "LS1 5BD", "M1 1AE", "M1 1AF", "B33 8TH"};

    @RegisterExtension
    static final MatchingDatabase.PerClass database = new MatchingDatabase.PerClass();

    @Test
    void aBatchDecidesAsItsContactsOneAtATimeWould() {
        Random random = new Random(20261206);
        List<IdentityFacts> children = children(random);
        List<IdentityFacts> known = children.subList(0, 25);
        List<IdentityFacts> contacts = contacts(children, random);

        List<String> oneAtATime = decide(known, contacts, false, oneAtATime(contacts));
        int[] searchedAgain = {0};
        int[] searchesAgain = {0};
        List<String> batched = decide(known, contacts, false, batched(contacts, searchedAgain, searchesAgain));

        assertThat(batched).containsExactlyElementsOf(oneAtATime);
        // The world is crowded enough that some contacts had to be searched for again, and not all of them;
        // and several of those were searched for again in one statement.
        assertThat(searchedAgain[0]).isBetween(1, contacts.size() - 1);
        assertThat(searchesAgain[0]).isBetween(1, searchedAgain[0] - 1);
        assertThat(oneAtATime).anyMatch(decision -> decision.startsWith("CONFIDENT"))
                .anyMatch(decision -> decision.startsWith("POSSIBLE"));
    }

    /**
     * With known children's parsed variants held between searches (and between batches), every decision is still the
     * one the contact would get alone, searched for with nothing held.
     */
    @Test
    void aBatchWithVariantsHeldDecidesAsItsContactsOneAtATimeWould() {
        Random random = new Random(20261207);
        List<IdentityFacts> children = children(random);
        List<IdentityFacts> known = children.subList(0, 25);
        List<IdentityFacts> contacts = contacts(children, random);

        List<String> oneAtATime = decide(known, contacts, false, oneAtATime(contacts));
        int[] searchedAgain = {0};
        int[] searchesAgain = {0};
        CandidateFinder[] holding = new CandidateFinder[1];
        List<String> batched = decide(known, contacts, true, (identification, finder) -> {
            holding[0] = finder;
            return batched(contacts, searchedAgain, searchesAgain).decide(identification, finder);
        });

        assertThat(batched).containsExactlyElementsOf(oneAtATime);
        // Children were held: those written by the batches, and those the searches read.
        assertThat(holding[0].childrenHeld()).isGreaterThan(25);
        assertThat(searchesAgain[0]).isPositive();
    }

    /** Sixty fictional children, the first 25 of whom are known before the contacts arrive. */
    private static List<IdentityFacts> children(Random random) {
        List<IdentityFacts> children = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            children.add(child(random));
        }
        return children;
    }

    /** 240 contacts, each describing one of the children, some partly or differently. */
    private static List<IdentityFacts> contacts(List<IdentityFacts> children, Random random) {
        List<IdentityFacts> contacts = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            contacts.add(described(children.get(random.nextInt(children.size())), random));
        }
        return contacts;
    }

    /** Each contact matched and remembered before the next is matched: the decisions a batch must equal. */
    private static Run oneAtATime(List<IdentityFacts> contacts) {
        return (identification, finder) -> {
            List<String> decisions = new ArrayList<>();
            for (int i = 0; i < contacts.size(); i++) {
                IdentityMatch match = identification.match(contacts.get(i));
                ChildId child = joined(match, i);
                finder.remember(child.value(), contacts.get(i), NOW.plusSeconds(i));
                decisions.add(describe(match, child));
            }
            return decisions;
        };
    }

    /** Batches of 80 contacts, each matched and remembered in turn, counting the searches again. */
    private static Run batched(List<IdentityFacts> contacts, int[] searchedAgain, int[] searchesAgain) {
        return (identification, finder) -> {
            List<String> decisions = new ArrayList<>();
            for (int from = 0; from < contacts.size(); from += 80) {
                List<IdentityFacts> batch = contacts.subList(from, from + 80);
                Set<String> foundAgain = new HashSet<>();
                IdentificationBatch matching = identification.batch(batch, Collections.nCopies(batch.size(), true),
                        foundAgain::addAll);
                for (int i = 0; i < batch.size(); i++) {
                    IdentityMatch match = matching.match(i);
                    // Every candidate was announced, by the first search or a later one (the held children's check).
                    match.candidates().forEach(candidate -> assertThat(candidate.childId().value())
                            .isIn(union(matching.childrenFound(), foundAgain)));
                    ChildId child = joined(match, from + i);
                    matching.remember(i, child, NOW.plusSeconds(from + i));
                    decisions.add(describe(match, child));
                }
                matching.writePending();
                searchedAgain[0] += matching.searchedAgain();
                searchesAgain[0] += matching.searchesAgain();
            }
            return decisions;
        };
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> both = new HashSet<>(one);
        both.addAll(other);
        return both;
    }

    private interface Run {
        List<String> decide(ChildIdentification identification, CandidateFinder finder);
    }

    /** The decisions of one run, from the same starting register. */
    private static List<String> decide(List<IdentityFacts> known, List<IdentityFacts> contacts, boolean holding,
                                       Run run) {
        database.jdbc().sql("TRUNCATE child_identity_variant, child_contact_facts, child_record_link").update();
        CandidateFinder finder = holding ? new CandidateFinder(database.jdbc(), 1_000, Duration.ofMinutes(10), () -> 0)
                : new CandidateFinder(database.jdbc());
        for (int i = 0; i < known.size(); i++) {
            finder.remember("known-" + i, known.get(i), NOW.minus(Duration.ofDays(30)));
        }
        ChildIdentification identification = new ChildIdentification(finder,
                new ChildMatcher(MatchParameters.defaults()),
                new KnownChildCount(database.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10)),
                new LinkedHistory(database.jdbc(), new JdbcTemplate(database.dataSource())));
        return run.decide(identification, finder);
    }

    /** The child a contact joins: the match, if confident; otherwise a new one, named the same in both runs. */
    private static ChildId joined(IdentityMatch match, int contact) {
        return match.outcome() == IdentityMatch.Outcome.CONFIDENT ? match.candidates().get(0).childId()
                : ChildId.of("new-" + contact);
    }

    private static String describe(IdentityMatch match, ChildId child) {
        return match.outcome() + " " + child.value() + " " + match.candidates().stream()
                .map(candidate -> candidate.childId().value() + "=" + candidate.score()).toList();
    }

    private static IdentityFacts child(Random random) {
        String family = FAMILY[random.nextInt(FAMILY.length)];
        IdentityFacts.Builder child = IdentityFacts.builder().givenNames(GIVEN[random.nextInt(GIVEN.length)])
                .familyName(family).postcode(POSTCODES[random.nextInt(POSTCODES.length)])
                .mother("Grace", random.nextBoolean() ? family : FAMILY[random.nextInt(FAMILY.length)]);
        LocalDate day = LocalDate.parse("2016-01-01").plusDays(random.nextInt(730));
        if (random.nextInt(8) == 0) {
            child.givenNames().expectedDateOfBirth(LocalDate.parse("2027-01-10").plusDays(random.nextInt(90)));
        } else {
            child.dateOfBirth(day);
        }
        if (random.nextInt(3) == 0) {
            child.nhsNumber(String.format("94347659%02d", random.nextInt(100)));
        }
        return child.build();
    }

    /** How a partner might describe the child this time: as before, or with a slip, or after a move. */
    private static IdentityFacts described(IdentityFacts child, Random random) {
        IdentityFacts.Builder described = child.toBuilder();
        switch (random.nextInt(6)) {
            case 0 -> described.nhsNumber(null);
            case 1 -> described.givenNames(GIVEN[random.nextInt(GIVEN.length)]);
            case 2 -> described.postcode(POSTCODES[random.nextInt(POSTCODES.length)]).previousPostcode(child.postcode());
            case 3 -> {
                if (child.dateOfBirth() != null) {
                    described.dateOfBirth(child.dateOfBirth().plusDays(random.nextInt(3) - 1));
                }
            }
            default -> {
            }
        }
        return described.build();
    }
}
