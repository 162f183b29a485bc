package uk.frontdoor.triage.staff.chronology;

import uk.frontdoor.triage.access.Placeholders;
import uk.frontdoor.triage.api.staff.ActorResolver;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.query.ChildChronology;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.query.FindChildChronology;
import uk.frontdoor.triage.audit.RecordViews;

import uk.frontdoor.triage.staff.asat.AsAtParameter;
import uk.frontdoor.triage.staff.asat.AsAtRecords;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A child's chronology: everything in their record and every record linked to it, oldest first,
 * optionally narrowed to some event types or dates. Every view is recorded, for the child asked
 * about and for each linked record shown with it.
 */
@RestController
@RequestMapping("/api/v1/children")
class ChildChronologyController {

    static final URI NOT_FOUND = URI.create("/problems/not-found");
    static final URI INVALID_FILTER = URI.create("/problems/invalid-filter");

    private final QueryGateway queries;
    private final RecordViews views;
    private final ActorResolver actors;
    private final Placeholders placeholders;

    private final AsAtRecords asAtRecords;
    private final Clock clock;

    ChildChronologyController(QueryGateway queries, RecordViews views, ActorResolver actors, Placeholders placeholders,
                              AsAtRecords asAtRecords, Clock clock) {
        this.asAtRecords = asAtRecords;
        this.clock = clock;
        this.queries = queries;
        this.views = views;
        this.actors = actors;
        this.placeholders = placeholders;
    }

    /**
     * @param types only entries of these types (event simple class names, e.g. {@code ContactClaimed}); repeatable
     * @param from  only entries on or after this day (England)
     * @param to    only entries on or before this day (England)
     * @param asAt  the chronology as it stood at this moment (ISO-8601 with offset, not in the future)
     */
    @GetMapping(path = "/{childId}/chronology", produces = MediaType.APPLICATION_JSON_VALUE)
    ChildChronology chronology(Authentication viewer, @PathVariable String childId,
                               @RequestParam(name = "type", required = false) List<String> types,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String asAt) {
        ChronologyFilter filter = new ChronologyFilter(types == null ? Set.of() : Set.copyOf(types), from, to);
        if (filter.problem() != null) {
            ErrorResponseException invalid = problem(HttpStatus.BAD_REQUEST, INVALID_FILTER, "Invalid filter",
                    filter.problem());
            // Names the parameter, as every 400 does (the fuzz test found this one did not).
            invalid.getBody().setProperty("errors", List.of(Map.of("field", filter.problemParameter(),
                    "problem", filter.problem())));
            throw invalid;
        }
        ChildId id = ChildId.of(childId);
        if (asAt != null) {
            // The chronology as it stood then: built from the events up to that moment (see AsAtRecords).
            Instant at = AsAtParameter.parse(asAt, clock);
            ChildChronology then = asAtRecords.show(actors.require(viewer), id, null, at,
                            "chronology" + filter.describe(), false)
                    .map(shown -> shown.record().chronology())
                    .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, NOT_FOUND, "No such child",
                            "There is no child record with this id, or it had nothing in it at that moment."));
            return filter.apply(then);
        }
        Optional<ChildChronology> found = queries.query(new FindChildChronology(id),
                ResponseTypes.optionalInstanceOf(ChildChronology.class)).join();
        ChildChronology chronology = found.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, NOT_FOUND,
                "No such child", "There is no child record with this id."));

        // Entries of records and contacts restricted from the viewer keep their place and say nothing.
        ChildChronology shown = placeholders.chronology(actors.require(viewer), chronology);
        // Recorded before anything is shown: a view that cannot be recorded is not given.
        String what = "chronology" + filter.describe() + ChronologyPage.withheldNote(chronology, shown);
        views.record(id, chronology.linkedChildren(), viewer, what);
        return filter.apply(shown);
    }

    /** Who looked at a child's record: managers only. The answer holds staff names and no personal data of the child. */
    record RecordViewsAnswer(String childId, List<RecordViews.View> views) {
    }

    /** @param limit the most recent views to list, 1 to 500 (default 100) */
    @GetMapping(path = "/{childId}/views", produces = MediaType.APPLICATION_JSON_VALUE)
    RecordViewsAnswer views(@PathVariable String childId, @RequestParam(required = false) String limit) {
        int count = limit == null ? 100 : limit.matches("[0-9]{1,3}") ? Integer.parseInt(limit) : 0;
        if (count < 1 || count > 500) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The parameter limit must be a whole number from 1 to 500.");
            problem.setType(URI.create("/problems/invalid-paging"));
            problem.setTitle("The page asked for is not valid");
            problem.setProperty("errors", List.of(Map.of("field", "limit", "problem", "must be a whole number from 1 to 500")));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        ChildId id = ChildId.of(childId);
        return new RecordViewsAnswer(id.value(), views.recent(id, count));
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
