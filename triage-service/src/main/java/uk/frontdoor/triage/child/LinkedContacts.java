package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.value.ChildId;

import java.util.List;
import java.util.Set;

/**
 * Where the rules find the histories of a child's other records, once a person or a confident match
 * has found them to be one child. A port: the write side's {@code LinkedHistory} table answers it in
 * one indexed query, so no linked stream is loaded on a command.
 */
@FunctionalInterface
public interface LinkedContacts {

    /** For a child with no linked records, and for tests of a single stream. */
    LinkedContacts NONE = (records, self) -> List.of();

    /**
     * The contacts on these records and on every record linked to them, directly or through another,
     * leaving out the child's own ({@code self}): its stream already holds those.
     */
    List<LinkedContact> of(Set<ChildId> records, ChildId self);

    /** The contacts on every record linked to this child's; asks nothing for a record linked to none. */
    default List<LinkedContact> linkedTo(ChildId self, ChildState child) {
        return child.linkedChildren().isEmpty() ? List.of() : of(child.linkedChildren(), self);
    }
}
