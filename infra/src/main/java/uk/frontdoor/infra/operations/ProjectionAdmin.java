package uk.frontdoor.infra.operations;

import uk.frontdoor.triage.api.value.Actor;

import java.util.List;
import java.util.Optional;

/**
 * The service's projections (its streaming event processors, one per read model) as their system
 * managers see them: where each stands against the event store, and a rebuild from the start.
 * Implemented by the runtime that owns the processors ({@code infra}); the API and the pages use
 * only this. Names are processing-group names such as {@code triage-queue}: never personal data.
 */
public interface ProjectionAdmin {

    /** Every streaming event processor, by name. */
    List<ProjectionStatus> projections();

    Optional<ProjectionStatus> projection(String name);

    /**
     * Empties the projection's read model and refills it from the first event: the processor is
     * shut down, its tokens reset (its reset handlers clear its tables), the events replayed into it and the
     * processor started again. Returns at once with the rebuild under way; the replay runs in the background.
     *
     * @throws ProjectionAdminException UNKNOWN_PROJECTION, ALREADY_REBUILDING or RESET_NOT_SUPPORTED
     */
    ProjectionStatus rebuild(String name, Actor by);
}
