package uk.frontdoor.triage.staff.family;

import uk.frontdoor.triage.access.Placeholders;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.query.Family;
import uk.frontdoor.triage.api.query.FindFamily;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.audit.RecordViews;

import java.net.URI;

/**
 * The family around a child: siblings and household members found across contacts, each with their
 * open contacts and highest open level, and how many contacts arrived about the household lately.
 * Screeners only (the security configuration admits social workers and managers to every
 * {@code /api/v1/children/**} call). Every record shown is recorded as viewed, before it is shown.
 */
@RestController
@RequestMapping("/api/v1/children")
class FamilyController {

    static final URI NOT_FOUND = URI.create("/problems/not-found");

    private final QueryGateway queries;
    private final RecordViews views;

    private final ActorResolver actors;
    private final Placeholders placeholders;

    FamilyController(QueryGateway queries, RecordViews views, ActorResolver actors, Placeholders placeholders) {
        this.queries = queries;
        this.views = views;
        this.actors = actors;
        this.placeholders = placeholders;
    }

    @GetMapping(path = "/{childId}/family", produces = MediaType.APPLICATION_JSON_VALUE)
    Family family(Authentication viewer, @PathVariable String childId) {
        ChildId id = ChildId.of(childId);
        Family found = queries.query(new FindFamily(id), ResponseTypes.optionalInstanceOf(Family.class)).join()
                .orElseThrow(FamilyController::notFound);
        // Relatives whose records are restricted from the viewer are listed with none of their details.
        RestrictedRecords.Withheld withheld = placeholders.withheldFrom(actors.require(viewer),
                Placeholders.records(found));
        Family family = Placeholders.family(found, withheld);

        // A view that cannot be recorded is not given. Each related child's name, date of birth and
        // open contacts are shown, so each of their records is viewed too.
        views.record(id, viewer, "family");
        family.linkedChildren().forEach(linked -> views.record(linked, viewer, "family via linked record " + id));
        for (Family.Member member : family.members()) {
            if (withheld.child(member.childId())) {
                continue; // a placeholder shows nothing of the child's record
            }
            String what = "family of " + id + " (" + member.relationship() + ")";
            views.record(member.childId(), viewer, what);
            member.linkedChildren().forEach(record -> views.record(record, viewer, what));
        }
        return family;
    }

    private static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no child record with this id.");
        problem.setType(NOT_FOUND);
        problem.setTitle("No such child");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
