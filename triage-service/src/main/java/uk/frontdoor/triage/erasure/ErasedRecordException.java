package uk.frontdoor.triage.erasure;

/**
 * A child's record, or a contact in it, that was erased was asked for: the answer is that it was erased, when and
 * under which law, and nothing else. The message is the code's, never the record's.
 */
public class ErasedRecordException extends RuntimeException {

    private final transient ErasureRecords.Erased erased;

    public ErasedRecordException(ErasureRecords.Erased erased) {
        super("The record was erased.");
        this.erased = erased;
    }

    public ErasureRecords.Erased erased() {
        return erased;
    }
}
