package uk.frontdoor.infra.matching;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.triage.identity.matching.CandidateFinder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finder holding known children's parsed variants between searches gives exactly the candidates of one that holds
 * nothing, whatever another instance writes or deletes meanwhile, and lets go of everything when a data key's
 * destruction is heard of.
 */
class HeldVariantsTest {

    private static final Instant LAST_YEAR = Instant.parse("2025-11-03T10:00:00Z");
    private static final Instant TODAY = Instant.parse("2026-12-01T09:00:00Z");

    @RegisterExtension
    static final MatchingDatabase.PerClass database = new MatchingDatabase.PerClass();
    private final AtomicLong destructionsHeard = new AtomicLong();
    private CandidateFinder holding;
    /** Another instance's finder, or a search with nothing held: the truth to compare with. */
    private CandidateFinder elsewhere;

    @BeforeEach
    void empty() {
        database.jdbc().sql("TRUNCATE child_identity_variant").update();
        holding = new CandidateFinder(database.jdbc(), 100, Duration.ofMinutes(10), destructionsHeard::get);
        elsewhere = new CandidateFinder(database.jdbc());
        holding.remember("ava", ava().build(), LAST_YEAR);
        holding.remember("ava", ava().givenNames("Ava", "Grace").postcode("LS2 7EE").addressLine("3 Park Row").build(),
                LAST_YEAR.plusSeconds(60));
        elsewhere.remember("isla", ava().givenNames("Isla").build(), LAST_YEAR);
    }

    private static IdentityFacts.Builder ava() {
        return IdentityFacts.builder().givenNames("Ava").familyName("Okafor").dateOfBirth(LocalDate.parse("2017-03-07"))
                .sex(IdentityFacts.Sex.FEMALE).postcode("LS1 4AP").addressLine("12 Acacia Avenue")
                .householdMember("Grace", "Okafor", null).mother("Grace", "Okafor");
    }

    private void sameAsNothingHeld(IdentityFacts searched) {
        List<Candidate> expected = elsewhere.findAll(List.of(searched)).get(0);
        assertThat(holding.findAll(List.of(searched)).get(0)).isEqualTo(expected);
        // And again, now that what the first search read is held.
        assertThat(holding.findAll(List.of(searched)).get(0)).isEqualTo(expected);
    }

    @Test
    void theFactsHeldFromWritingAreTheFactsStored() {
        sameAsNothingHeld(ava().build());
        assertThat(holding.childrenHeld()).isEqualTo(2);
    }

    @Test
    void aVariantAnotherInstanceAddsIsMergedIn() {
        sameAsNothingHeld(ava().build());
        elsewhere.remember("ava", ava().familyName("Okafor-Price").postcode("LS6 1AA").build(), TODAY);
        sameAsNothingHeld(ava().build());
        assertThat(holding.findAll(List.of(ava().build())).get(0).stream()
                .filter(candidate -> candidate.childId().equals("ava")).findFirst().orElseThrow()
                .facts().familyName()).isEqualTo("Okafor-Price");
    }

    @Test
    void anOlderVariantSeenAgainElsewhereIsCurrentAgain() {
        sameAsNothingHeld(ava().build());
        elsewhere.remember("ava", ava().build(), TODAY);
        sameAsNothingHeld(ava().build());
        assertThat(holding.candidates(List.of("ava")).get(0).facts().postcode()).isEqualTo("LS1 4AP");
    }

    @Test
    void aChildWhoseRowsAreGoneIsNotACandidate() {
        sameAsNothingHeld(ava().build());
        database.jdbc().sql("DELETE FROM child_identity_variant WHERE child_id = 'ava'").update();
        sameAsNothingHeld(ava().build());
        assertThat(holding.candidates(List.of("ava", "isla"))).extracting(Candidate::childId).containsExactly("isla");
    }

    @Test
    void aDestructionHeardOfLetsGoOfEverythingHeld() {
        sameAsNothingHeld(ava().build());
        assertThat(holding.childrenHeld()).isPositive();

        destructionsHeard.incrementAndGet();
        holding.candidates(List.of("nobody"));

        assertThat(holding.childrenHeld()).isZero();
        sameAsNothingHeld(ava().build());
    }

    /**
     * The hit rate operators see ({@code frontdoor_matching_candidate_variants_total{from}}): ava's two variants were
     * held as written here, isla's one was written elsewhere and is read once, then held.
     */
    @Test
    void theVariantsTakenFromMemoryAndThoseReadAreCounted() {
        holding.candidates(List.of("ava", "isla"));
        assertThat(holding.variantsFromMemory()).isEqualTo(2);
        assertThat(holding.variantsRead()).isEqualTo(1);

        holding.candidates(List.of("ava", "isla"));
        assertThat(holding.variantsFromMemory()).isEqualTo(5);
        assertThat(holding.variantsRead()).isEqualTo(1);

        elsewhere.candidates(List.of("ava", "isla"));
        elsewhere.find(ava().build());
        assertThat(elsewhere.variantsFromMemory()).isZero();
        assertThat(elsewhere.variantsRead()).isEqualTo(6);
    }

    @Test
    void aKeyStoreThatCountsNoDestructionsHoldsNothing() {
        holding = new CandidateFinder(database.jdbc(), 100, Duration.ofMinutes(10), () -> -1);
        holding.remember("leo", ava().givenNames("Leo").build(), TODAY);
        sameAsNothingHeld(ava().build());
        assertThat(holding.childrenHeld()).isZero();
    }
}
