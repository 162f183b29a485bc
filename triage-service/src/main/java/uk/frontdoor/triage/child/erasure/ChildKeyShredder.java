package uk.frontdoor.triage.child.erasure;

import uk.frontdoor.triage.api.value.ChildId;

/**
 * Destroys a child's data key, so that the personal fields of the child's stored events (encrypted with it) can
 * never be read again: in the event store, in its backups, and in every replay. Called once, in the transaction
 * that records {@code ChildErased}, after the events are applied; if that transaction rolls back, so must the
 * destruction (a key store in the same database does this by itself).
 *
 * <p>The seam between erasure and the encryption of personal fields at rest: implement it as a Spring bean, and
 * {@link KeyDestruction} calls it. It must be idempotent (a retried command calls it again) and must not fail for
 * a child that never had a key.
 */
public interface ChildKeyShredder {

    void shred(ChildId child);
}
