package uk.frontdoor.infra;

import org.junit.jupiter.api.Test;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.IdentityFacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's candidate search finds, for each contact, exactly what that contact's own search finds, in the same
 * order and with the same merged facts, also when several of the batch's contacts find the same children: the
 * batch reads each child found once and shares it out.
 */
class BatchCandidateSearchIntegrationTest extends IntegrationTestSupport {

    @Test
    void each_contact_of_a_batch_gets_what_its_own_search_finds() {
        String family = uniqueName("Batchsearch");
        LocalDate born = LocalDate.of(2016, 3, 4);
        String postcode = "LS6 2AB";
        Instant seen = Instant.parse("2026-01-05T10:00:00Z");
        for (int i = 0; i < 6; i++) {
            String childId = UUID.randomUUID().toString();
            // Two variants each: a current name and address, and an older one the merge must fold in.
            candidates.remember(childId, IdentityFacts.builder().givenNames("Ava" + (char) ('a' + i)).familyName(family)
                    .dateOfBirth(born.plusDays(i % 3)).postcode("LS6 1XY").build(), seen);
            candidates.remember(childId, IdentityFacts.builder().givenNames("Ava" + (char) ('a' + i)).familyName(family)
                    .dateOfBirth(born.plusDays(i % 3)).postcode(postcode).addressLine(i + " Cardigan Road").build(),
                    seen.plusSeconds(60));
        }
        List<IdentityFacts> batch = List.of(
                IdentityFacts.builder().givenNames("Avaa").familyName(family).dateOfBirth(born).postcode(postcode).build(),
                IdentityFacts.builder().givenNames("Avab").familyName(family).dateOfBirth(born.plusDays(1)).build(),
                IdentityFacts.builder().givenNames("Avac").familyName(family).dateOfBirth(born).postcode(postcode).build(),
                IdentityFacts.builder().givenNames("Nobody").familyName(uniqueName("Else"))
                        .dateOfBirth(LocalDate.of(2011, 11, 30)).build());

        List<List<Candidate>> together = candidates.findAll(batch);

        assertThat(together).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            assertThat(together.get(i)).as("contact " + i).isEqualTo(candidates.find(batch.get(i)));
        }
        assertThat(together.get(0)).as("the same family found by the first three contacts").hasSizeGreaterThanOrEqualTo(3);
        assertThat(together.get(0).get(0).facts().previousPostcodes()).as("variants merged").isNotEmpty();
        assertThat(together.get(3)).isEmpty();
    }
}
