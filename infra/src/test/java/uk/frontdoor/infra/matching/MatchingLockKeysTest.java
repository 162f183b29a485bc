package uk.frontdoor.infra.matching;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.triage.identity.matching.CandidateFinder;
import uk.frontdoor.triage.identity.matching.MatchingLockKeys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reception's lock keys ({@link MatchingLockKeys}) against the candidate search itself, on the real embedded
 * PostgreSQL: whenever a contact's search finds the variant row another contact left, the two contacts share a
 * lock key, so their transactions cannot run side by side. Checked rule by rule on pairs only that rule joins,
 * and on every pair of a crowded little world (a few names that sound alike or are swapped, three sectors,
 * birthdays with day and month swapped, babies due and born near each other, previous addresses).
 */
class MatchingLockKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final String[] GIVEN = {"Ava", "Eva", "Leo", "Noor", "Khan", "Smith"};
    private static final String[] FAMILY = {"Okafor", "Smith", "Smyth", "Nowak", "Khan", "Leo"};
    private static final String[] POSTCODES = {"LS1 4AP", "LS1 4AQ", "LS1 5BD", "M1 1AE", "M1 1AF", "B33 8TH"};

    @RegisterExtension
    static final MatchingDatabase.PerClass database = new MatchingDatabase.PerClass();
    private static CandidateFinder finder;

    @BeforeAll
    static void start() {
        finder = new CandidateFinder(database.jdbc());
    }

    /** For each blocking rule, two contacts that only it joins: the search finds the one, and they share a key. */
    @Test
    void contacts_that_each_blocking_rule_alone_joins_share_a_lock_key() {
        LocalDate born = LocalDate.parse("2016-03-04");
        Map<String, IdentityFacts[]> pairs = new LinkedHashMap<>();
        pairs.put("NHS number", new IdentityFacts[]{
                child("Ava", "Okafor", born, "LS1 4AP").nhsNumber("9434765919").build(),
                child("Leo", "Nowak", born.plusYears(3), "M1 1AE").nhsNumber("9434765919").build()});
        pairs.put("date of birth swapped, family name", new IdentityFacts[]{
                child("Ava", "Okafor", born, "LS1 4AP").build(),
                child("Leo", "Okafor", LocalDate.parse("2016-04-03"), "M1 1AE").build()});
        pairs.put("date of birth swapped, postcode sector", new IdentityFacts[]{
                child("Ava", "Okafor", born, "LS1 4AP").build(),
                child("Leo", "Nowak", LocalDate.parse("2016-04-03"), "LS1 4AQ").build()});
        pairs.put("date of birth, given name", new IdentityFacts[]{
                child("Ava", "Okafor", born, "LS1 4AP").build(),
                child("Ava", "Nowak", born, "M1 1AE").build()});
        pairs.put("date of birth, names swapped", new IdentityFacts[]{
                child("Leo", "Khan", born, "LS1 4AP").build(),
                child("Khan", "Leo", born, "M1 1AE").build()});
        pairs.put("date of birth, postcode sector", new IdentityFacts[]{
                child("Ava", "Okafor", born, "LS1 4AP").build(),
                child("Leo", "Nowak", born, "LS1 4AQ").build()});
        pairs.put("family and given names, year of birth", new IdentityFacts[]{
                child("Ava", "Okafor", born, "LS1 4AP").build(),
                child("Eva", "Okafor", born.plusMonths(6), "M1 1AE").build()});
        pairs.put("sector and family name", new IdentityFacts[]{
                child("Ava", "Okafor", born, "LS1 4AP").build(),
                child("Leo", "Okafor", born.plusYears(3), "LS1 4AQ").build()});
        pairs.put("sector and given name", new IdentityFacts[]{
                child("Ava", "Okafor", born, "LS1 4AP").build(),
                child("Ava", "Nowak", born.plusYears(3), "LS1 4AQ").build()});
        pairs.put("previous postcode, similar name", new IdentityFacts[]{
                child("Avaline", "Okaforson", born, "LS1 4AP").build(),
                child("Avalina", "Okaforsen", born.plusYears(3), "M1 1AE").previousPostcode("LS1 4AP").build()});
        pairs.put("due within the window, family name", new IdentityFacts[]{
                unborn("Okafor", LocalDate.parse("2027-01-10"), "Grace", "Nowak", "LS1 4AP").build(),
                unborn("Okafor", LocalDate.parse("2027-03-01"), "Grace", "Khan", "M1 1AE").build()});
        pairs.put("due within the window, mother's family name", new IdentityFacts[]{
                unborn("Okafor", LocalDate.parse("2027-01-10"), "Grace", "Nowak", "LS1 4AP").build(),
                unborn("Khan", LocalDate.parse("2026-11-20"), "Grace", "Nowak", "M1 1AE").build()});
        pairs.put("unborn, born within the window, family name", new IdentityFacts[]{
                child("Ava", "Okafor", LocalDate.parse("2026-11-20"), "LS1 4AP").build(),
                unborn("Okafor", LocalDate.parse("2027-01-15"), "Grace", "Khan", "M1 1AE").build()});
        pairs.put("unborn, born within the window, mother's family name", new IdentityFacts[]{
                child("Ava", "Okafor", LocalDate.parse("2026-11-20"), "LS1 4AP").mother("Grace", "Nowak").build(),
                unborn("Khan", LocalDate.parse("2027-01-15"), "Grace", "Nowak", "M1 1AE").build()});
        pairs.put("born child searching near a baby due, family name", new IdentityFacts[]{
                unborn("Okafor", LocalDate.parse("2027-01-10"), "Grace", "Nowak", "LS1 4AP").build(),
                child("Ava", "Okafor", LocalDate.parse("2026-12-01"), "M1 1AE").build()});

        pairs.forEach((rule, pair) -> {
            assertThat(finds(pair[1], pair[0])).as("%s: the search finds the earlier contact", rule).isTrue();
            assertThat(shareAKey(pair[0], pair[1])).as("%s: the two share a lock key", rule).isTrue();
        });
        // And two contacts no rule joins share none (the keys are not all one).
        IdentityFacts one = child("Ava", "Okafor", born, "LS1 4AP").build();
        IdentityFacts other = child("Leo", "Nowak", born.plusYears(3), "M1 1AE").build();
        assertThat(finds(other, one) || finds(one, other)).isFalse();
        assertThat(shareAKey(one, other)).isFalse();
    }

    @Test
    void any_two_contacts_of_a_crowded_world_that_a_search_joins_share_a_lock_key() {
        Random random = new Random(20261207);
        List<IdentityFacts> world = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            world.add(crowded(random));
        }
        List<Set<String>> keys = keysOf(world);
        int joined = 0;
        for (int earlier = 0; earlier < world.size(); earlier++) {
            database.jdbc().sql("DELETE FROM child_identity_variant").update();
            finder.remember("earlier", world.get(earlier), NOW);
            List<List<uk.frontdoor.matching.Candidate>> found = finder.findAll(world);
            for (int later = 0; later < world.size(); later++) {
                if (!found.get(later).isEmpty()) {
                    joined++;
                    Set<String> shared = new HashSet<>(keys.get(earlier));
                    shared.retainAll(keys.get(later));
                    assertThat(shared).as("contact %d finds contact %d", later, earlier).isNotEmpty();
                }
            }
        }
        // A crowded world: many pairs are joined by some rule, and the check above was made for each.
        assertThat(joined).isGreaterThan(world.size() * world.size() / 10);
    }

    private static boolean finds(IdentityFacts searcher, IdentityFacts earlier) {
        database.jdbc().sql("DELETE FROM child_identity_variant").update();
        finder.remember("earlier", earlier, NOW);
        return !finder.find(searcher).isEmpty();
    }

    private static boolean shareAKey(IdentityFacts one, IdentityFacts other) {
        List<Set<String>> keys = keysOf(List.of(one, other));
        Set<String> shared = new HashSet<>(keys.get(0));
        shared.retainAll(keys.get(1));
        return !shared.isEmpty();
    }

    private static List<Set<String>> keysOf(List<IdentityFacts> children) {
        List<String[]> sounds = finder.soundKeys(children.stream().map(MatchingLockKeys::names).toList());
        List<Set<String>> keys = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            keys.add(MatchingLockKeys.of(List.of(children.get(i)), java.util.Collections.singletonList(sounds.get(i))));
        }
        return keys;
    }

    private static IdentityFacts.Builder child(String given, String family, LocalDate born, String postcode) {
        return IdentityFacts.builder().givenNames(given).familyName(family).dateOfBirth(born).postcode(postcode);
    }

    private static IdentityFacts.Builder unborn(String family, LocalDate due, String mothersGiven, String mothersFamily,
                                                String postcode) {
        return IdentityFacts.builder().familyName(family).expectedDateOfBirth(due).postcode(postcode)
                .mother(mothersGiven, mothersFamily);
    }

    private static IdentityFacts crowded(Random random) {
        String family = FAMILY[random.nextInt(FAMILY.length)];
        IdentityFacts.Builder child = IdentityFacts.builder().familyName(family)
                .postcode(POSTCODES[random.nextInt(POSTCODES.length)]);
        if (random.nextInt(4) > 0) {
            child.givenNames(GIVEN[random.nextInt(GIVEN.length)]);
        }
        if (random.nextBoolean()) {
            child.mother("Grace", random.nextBoolean() ? family : FAMILY[random.nextInt(FAMILY.length)]);
        }
        if (random.nextInt(5) == 0) {
            child.expectedDateOfBirth(LocalDate.parse("2026-11-01").plusDays(random.nextInt(200)));
        } else {
            // Days up to 12, so that many a date has a swapped twin; some born near the babies due.
            LocalDate day = random.nextInt(4) == 0 ? LocalDate.parse("2026-09-01").plusDays(random.nextInt(150))
                    : LocalDate.of(2015 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(12));
            child.dateOfBirth(day);
        }
        if (random.nextInt(4) == 0) {
            child.previousPostcode(POSTCODES[random.nextInt(POSTCODES.length)]);
        }
        if (random.nextInt(6) == 0) {
            child.nhsNumber(String.format("94347659%02d", random.nextInt(100)));
        }
        return child.build();
    }
}
