package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/**
 * A manager (or the retention schedule) decided that the child's record is to be erased; it is erased only when a
 * second manager authorises it ({@link ChildErased}). Nothing in it is about the child: the reason and the legal
 * basis are codes, the reference is a case number in the council's own register (letters, digits, {@code / - .}),
 * so the decision can outlive the personal data it removes.
 *
 * @param reference the data protection officer's case or request reference; null when there is none
 */
@Revision("1")
public record ErasureRequested(ChildId childId, Reason reason, LegalBasis legalBasis, String reference, Actor actor,
                               Instant at) implements ChildEvent {

    /** Why the record is to be erased. */
    public enum Reason {
        /** The data subject (or someone for them) asked for erasure and the council agreed. */
        SUBJECT_REQUEST,
        /** The council's retention schedule says the record is no longer to be kept. */
        RETENTION_PERIOD_ENDED,
        /** The record should never have been made: the wrong child, a test, a duplicate created in error. */
        RECORDED_IN_ERROR,
        /** A court or the Information Commissioner ordered it. */
        ORDERED
    }

    /** The law under which the record is erased (UK GDPR Article 17(1), and the Data Protection Act 2018). */
    public enum LegalBasis {
        /** Article 17(1)(a): no longer necessary for the purpose it was collected for. */
        NO_LONGER_NECESSARY,
        /** Article 17(1)(c): an objection under Article 21(1) was upheld. */
        OBJECTION_UPHELD,
        /** Article 17(1)(d): the data was processed unlawfully. */
        UNLAWFULLY_PROCESSED,
        /** Article 17(1)(e): a legal obligation requires erasure. */
        LEGAL_OBLIGATION,
        /** DPA 2018 section 47(2): data processed for law enforcement that must be erased. */
        DPA_2018_SECTION_47
    }
}
