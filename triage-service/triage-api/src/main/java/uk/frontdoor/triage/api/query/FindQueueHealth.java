package uk.frontdoor.triage.api.query;

import java.time.Instant;
import java.util.Objects;

/**
 * The shape of the triage queue for a duty manager: contacts waiting by RAG rating and by how long
 * they have waited, and how many are past their response time. Answered with {@link QueueHealth}.
 *
 * @param asOf the time to measure waiting and lateness against, from the caller's injected clock
 */
public record FindQueueHealth(Instant asOf) {

    public FindQueueHealth {
        Objects.requireNonNull(asOf, "asOf");
    }
}
