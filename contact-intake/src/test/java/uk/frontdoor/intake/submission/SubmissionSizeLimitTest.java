package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configured size limit applies to every channel, because every channel reads through the reader. */
class SubmissionSizeLimitTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void a_body_over_the_configured_limit_is_refused_as_too_large_before_parsing() {
        var reader = new SubmissionReader(new ObjectMapper(), clock, code -> true, 100);

        assertThatThrownBy(() -> reader.read(new byte[101]))
                .isInstanceOfSatisfying(SubmissionRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.TOO_LARGE));
        // At the limit the body is parsed (and this one is malformed), so the limit is not off by one.
        assertThatThrownBy(() -> reader.read(new byte[100]))
                .isInstanceOfSatisfying(SubmissionRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_JSON));
    }

    @Test
    void the_limit_cannot_be_configured_above_the_readers_backstop() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SubmissionReader(new ObjectMapper(), clock,
                code -> true, SubmissionReader.MAX_BODY_BYTES + 1L));
    }
}
