package uk.frontdoor.infra.load;

import uk.frontdoor.infra.load.LoadSettings.Partner;

import java.time.Duration;
import java.util.Map;

/**
 * What a run sent and what became of it.
 *
 * @param sentKafka          messages the Kafka cluster acknowledged
 * @param sentHttp           HTTP submissions answered
 * @param invalidKafka       of {@code sentKafka}, those made to break the contract (expected dead letters)
 * @param invalidHttp        of {@code sentHttp}, those made to break the contract (expected refusals)
 * @param acceptedHttp       HTTP submissions answered 2xx
 * @param refusedHttp        HTTP submissions answered 4xx
 * @param failedHttp         HTTP submissions answered 5xx or not answered at all
 * @param failedKafka        messages the Kafka cluster did not take
 * @param acceptedKafka      contacts received over Kafka by the metrics targets during the run; -1 when unknown
 * @param deadLettered       this run's messages on the dead-letter topic
 * @param byPartner          contacts sent per kind of partner
 * @param repeats            contacts about a child already contacted about in the run
 * @param withoutNhsNumber   contacts that gave no NHS number
 * @param sendingTime        from the first send to the last answer or acknowledgement
 * @param settled            whether every Kafka message was accepted or dead-lettered before the drain timed out
 * @param httpP50            the median time an HTTP submission took to be answered
 * @param httpP99            its 99th percentile
 */
public record LoadReport(long sentKafka, long sentHttp, long invalidKafka, long invalidHttp, long acceptedHttp,
                         long refusedHttp, long failedHttp, long failedKafka, long acceptedKafka, long deadLettered,
                         Map<Partner, Long> byPartner, long repeats, long withoutNhsNumber, Duration sendingTime,
                         boolean settled, Duration httpP50, Duration httpP99) {

    public long sent() {
        return sentKafka + sentHttp;
    }

    /** Contacts sent per second while sending. */
    public double rate() {
        return sent() / Math.max(1e-3, sendingTime.toNanos() / 1e9);
    }

    /** Everything answered as expected: valid contacts taken, invalid ones refused or dead-lettered, nothing lost. */
    public boolean asExpected() {
        return failedHttp == 0 && failedKafka == 0 && settled
                && acceptedHttp == sentHttp - invalidHttp && refusedHttp == invalidHttp
                && deadLettered == invalidKafka
                && (acceptedKafka < 0 || acceptedKafka == sentKafka - invalidKafka);
    }

    public String summary() {
        return String.format("sent %d (kafka %d, http %d) in %.1f s = %.0f/s; police %d, school %d, health %d;"
                        + " repeat children %d, without NHS number %d%n"
                        + "http: accepted %d, refused %d (invalid sent %d), failed %d; answered in p50 %d ms, p99 %d ms%n"
                        + "kafka: accepted %s, dead-lettered %d (invalid sent %d), not taken by Kafka %d; %s",
                sent(), sentKafka, sentHttp, sendingTime.toMillis() / 1000.0, rate(),
                byPartner.getOrDefault(Partner.POLICE, 0L), byPartner.getOrDefault(Partner.SCHOOL, 0L),
                byPartner.getOrDefault(Partner.HEALTH, 0L), repeats, withoutNhsNumber,
                acceptedHttp, refusedHttp, invalidHttp, failedHttp, httpP50.toMillis(), httpP99.toMillis(),
                acceptedKafka < 0 ? "unknown (no metrics targets)" : Long.toString(acceptedKafka),
                deadLettered, invalidKafka, failedKafka,
                asExpected() ? "everything as expected" : "NOT as expected");
    }
}
