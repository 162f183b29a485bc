package uk.frontdoor.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports in, episodes out. Each row is the child's earlier reports, then the current contact's, as
 * {@code day:kind} (M missing, R returned, B both, F census factor 10A only, O other concern), and the
 * days on which the earlier episodes that count began.
 */
class MissingEpisodesTest {

    private static final Instant DAY_ZERO = Instant.parse("2026-01-05T09:00:00Z");

    @ParameterizedTest(name = "{0} then {1} -> episodes begun on days [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            # the issue's case: a missing report and its return are one episode, not two
            1:M 2:R        | 40:M | 1
            # the current contact reports the return of the episode still open: it is that episode
            1:M            | 2:R  |
            # an update while the child is still missing, within a week, is the same episode
            1:M            | 3:M  |
            # a second missing report after a week without a return reported is a new episode
            1:M            | 9:M  | 1
            # a return with nothing open was an episode the front door heard of only on the return
            5:R            | 40:M | 5
            # a report of both is a whole episode, and closes the open one as its return
            1:M 2:B        | 40:M | 1
            10:B           | 40:M | 10
            # three episodes, each reported going and coming back: three, not six
            1:M 2:R 20:M 21:R 30:M 31:R | 60:M | 1,20,30
            # going missing as a census factor alone reads as a missing report
            1:F 2:R        | 40:M | 1
            # other concerns are not episodes
            1:O 2:O        | 40:M |
            # reports after the current contact are not history
            1:M 50:R       | 40:R |
            """)
    void reportsBecomeEpisodes(String earlier, String current, String expectedDays) {
        List<PriorContact> prior = new ArrayList<>();
        for (String report : earlier.trim().split("\\s+")) {
            prior.add(prior(report));
        }
        PriorContact now = prior(current.trim());
        ContactFacts facts = new ContactFacts(now.receivedAt(), "6", now.factors(), now.indicators(), 14, false,
                "FEMALE", false);

        List<Instant> episodes = MissingEpisodes.before(prior, facts);

        List<Instant> expected = expectedDays == null ? List.of()
                : Arrays.stream(expectedDays.split(",")).map(day -> day(Integer.parseInt(day.trim()))).toList();
        assertThat(episodes).containsExactlyElementsOf(expected);
    }

    private static PriorContact prior(String report) {
        String[] parts = report.split(":");
        Instant at = day(Integer.parseInt(parts[0]));
        return switch (parts[1]) {
            case "M" -> new PriorContact(at, Set.of(), Set.of(MissingEpisodes.MISSING), false);
            case "R" -> new PriorContact(at, Set.of(), Set.of(MissingEpisodes.RETURNED), false);
            case "B" -> new PriorContact(at, Set.of(), Set.of(MissingEpisodes.MISSING, MissingEpisodes.RETURNED), false);
            case "F" -> new PriorContact(at, Set.of(MissingEpisodes.GOING_MISSING_FACTOR), Set.of(), false);
            default -> new PriorContact(at, Set.of("16A"), Set.of(), false);
        };
    }

    private static Instant day(int day) {
        return DAY_ZERO.plus(Duration.ofDays(day));
    }
}
