package uk.frontdoor.triage.api.command;

import java.time.Instant;

/** A partner check as created, so the caller can record its reply against {@code checkId}. */
public record PartnerCheckReceipt(String checkId, String agency, Instant dueAt) {
}
