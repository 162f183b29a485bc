package uk.frontdoor.triage.staff.search;

import uk.frontdoor.triage.access.Placeholders;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.staff.RestrictedRecords;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.query.ChildSearchResults;
import uk.frontdoor.triage.audit.RecordViews;
import uk.frontdoor.triage.staff.StaffDesk;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finding a child over the API, as the search page does: staff only (the security configuration admits
 * the roles of {@code StaffPermission.FIND_CHILD}; partners never search). Every child listed is recorded
 * as viewed, with the purpose {@value #PURPOSE}, before the list is returned.
 */
@RestController
@RequestMapping("/api/v1/children")
@Tag(name = "Children", description = "Finding a child's record, its chronology and family")
class ChildSearchController {

    static final URI INVALID_SEARCH = URI.create("/problems/invalid-search");
    static final String PURPOSE = "search";
    static final String NOTHING_GIVEN = "Give at least one of givenName, familyName (each at least 2 letters), "
            + "dateOfBirth (year-month-day), nhsNumber or postcode.";

    private final StaffDesk desk;
    private final RecordViews views;

    private final Placeholders placeholders;
    private final ActorResolver actors;

    ChildSearchController(StaffDesk desk, RecordViews views, Placeholders placeholders, ActorResolver actors) {
        this.placeholders = placeholders;
        this.actors = actors;
        this.desk = desk;
        this.views = views;
    }

    /** One child found, with the address of its chronology. */
    record Found(@JsonUnwrapped ChildSearchResults.Child child, String chronology) {
    }

    /**
     * @param children          best first
     * @param more              more children fitted than are listed: say more about the child
     * @param parametersVersion the match parameters the scores were worked out with
     */
    record Response(List<Found> children, boolean more, String parametersVersion) {
    }

    @Operation(summary = "Find a child by any mix of given name, family name, date of birth (ISO), NHS number and "
            + "postcode, ranked by the score that matches contacts on receipt; every child listed is recorded as viewed")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> search(Authentication viewer,
                             @RequestParam(required = false) String givenName,
                             @RequestParam(required = false) String familyName,
                             @RequestParam(required = false) String dateOfBirth,
                             @RequestParam(required = false) String nhsNumber,
                             @RequestParam(required = false) String postcode) {
        List<SearchCriteria.Problem> problems = new ArrayList<>();
        var date = SearchCriteria.isoDate(dateOfBirth, problems);
        SearchCriteria.Parsed criteria = SearchCriteria.parse(givenName, familyName, date, nhsNumber, postcode,
                problems);
        if (!criteria.valid()) {
            String first = criteria.problems().get(0).message();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    SearchCriteria.NOTHING_GIVEN.equals(first) ? NOTHING_GIVEN : first + ".");
            problem.setType(INVALID_SEARCH);
            problem.setTitle("The search is not one that can be made");
            problem.setProperty("errors", criteria.problems().stream()
                    .map(p -> Map.of("field", p.field(), "problem", p.message())).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        // A restricted child is listed (so nobody makes a second record of them) with none of their details.
        ChildSearchResults found = desk.search(criteria.query());
        RestrictedRecords.Withheld withheld = placeholders.withheldFrom(actors.require(viewer),
                found.children().stream().map(ChildSearchResults.Child::childId).toList());
        ChildSearchResults results = Placeholders.search(found, withheld);
        // A view that cannot be recorded is not given; a placeholder shows nothing of the record.
        results.children().stream().filter(child -> !withheld.child(child.childId()))
                .forEach(child -> views.record(child.childId(), viewer, PURPOSE));
        return ResponseEntity.ok(new Response(results.children().stream()
                .map(child -> new Found(child, "/api/v1/children/" + child.childId() + "/chronology"))
                .toList(), results.more(), results.parametersVersion()));
    }
}
