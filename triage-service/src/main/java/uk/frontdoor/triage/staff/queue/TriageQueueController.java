package uk.frontdoor.triage.staff.queue;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.staff.ViewLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.triage.api.query.FindTriageQueue;
import uk.frontdoor.triage.api.query.QueueCursor;
import uk.frontdoor.triage.api.query.TriageQueue;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.access.Placeholders;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first-contact social workers' queue: contacts waiting for screening, most urgent first, a page at
 * a time. The answer is what it always was ({@code items}, {@code totalWaiting}), with where the page
 * stands beside it, and an RFC 8288 {@code Link} header to the first, previous, next and last pages.
 */
@RestController
@RequestMapping("/api/v1/triage-queue")
class TriageQueueController {

    static final URI INVALID_PAGING = URI.create("/problems/invalid-paging");
    static final int DEFAULT_LIMIT = 100;

    private final QueryGateway queries;
    private final ActorResolver actors;
    private final ViewLog views;
    private final Placeholders placeholders;

    TriageQueueController(QueryGateway queries, ActorResolver actors, ViewLog views, Placeholders placeholders) {
        this.queries = queries;
        this.actors = actors;
        this.views = views;
        this.placeholders = placeholders;
    }

    /**
     * One page of the queue.
     *
     * @param items        the page's contacts, most urgent first (as before paging)
     * @param totalWaiting every contact waiting (as before paging)
     * @param page         this page, from 1
     * @param limit        contacts on a full page
     * @param totalPages   pages in the whole queue at this limit (at least 1)
     * @param next         the next page's address, by a cursor after this page's last contact (a deep page costs
     *                     what the first does); left out on the last page
     * @param previous     the previous page's address, by a cursor before this page's first contact; left out on the
     *                     first page
     */
    record QueuePage(List<TriageQueue.Item> items, long totalWaiting, int page, int limit, long totalPages,
                     String next, String previous) {
    }

    @Operation(summary = "The contacts waiting for screening, most urgent first, a page at a time",
            description = "Ordered by urgency (not yet assessed, then red, amber, green, blue), then soonest due, then "
                    + "longest waiting, then contact id, so pages never overlap or skip while the queue stands still. "
                    + "The answer's next and previous addresses find their page by a cursor (after or before a "
                    + "contact), which costs the same however deep the page. A bad page, limit or cursor is a 400 "
                    + "problem naming the parameter.")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> queue(
            Authentication viewer,
            @Parameter(description = "The page, from 1; default 1") @RequestParam(required = false) String page,
            @Parameter(description = "Contacts on a page, 1 to 500; default 100") @RequestParam(required = false) String limit,
            @Parameter(description = "The page starts just after this place in the queue: a cursor from a previous "
                    + "answer's next link") @RequestParam(required = false) String after,
            @Parameter(description = "The page ends just before this place in the queue: a cursor from a previous "
                    + "answer's previous link") @RequestParam(required = false) String before) {
        Paging.Parsed parsed = Paging.parse(page, limit, after, before, DEFAULT_LIMIT);
        if (!parsed.valid()) {
            Paging.Problem first = parsed.problems().get(0);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The parameter " + first.field() + " " + first.problem() + ".");
            problem.setType(INVALID_PAGING);
            problem.setTitle("The page asked for is not valid");
            problem.setProperty("errors", parsed.problems().stream()
                    .map(p -> Map.of("field", p.field(), "problem", p.problem())).toList());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Paging paging = parsed.paging();
        TriageQueue queue = queries.query(new FindTriageQueue(paging.limit(), paging.offset(), parsed.after(),
                        parsed.before()),
                ResponseTypes.instanceOf(TriageQueue.class)).join();
        Actor me = actors.resolve(viewer).orElseThrow(() -> new AccessDeniedException("not a member of staff"));
        // Restricted contacts the viewer may not read are listed as placeholders, naming nobody.
        List<TriageQueue.Item> items = placeholders.queue(me, queue.items());
        // The answer names each child: every one listed is recorded as viewed, before it is sent.
        views.recordAll(items.stream().filter(item -> !item.restricted())
                .map(item -> new ViewLog.Viewed(item.childId(), item.contactId())).toList(), me, "triage queue (API)");
        long pages = paging.pages(queue.totalWaiting());
        List<TriageQueue.Item> found = queue.items();
        String next = paging.page() < pages && !found.isEmpty()
                ? address(paging.page() + 1, paging.limit(), "after", QueueCursor.of(found.get(found.size() - 1))) : null;
        String previous = paging.page() == 1 ? null : found.isEmpty()
                ? address(Math.min(paging.page() - 1, pages), paging.limit(), null, null)
                : address(paging.page() - 1, paging.limit(), "before", QueueCursor.of(found.get(0)));
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, links(paging, pages))
                .body(new QueuePage(items, queue.totalWaiting(), paging.page(), paging.limit(), pages, next, previous));
    }

    private static String links(Paging paging, long pages) {
        List<String> links = new ArrayList<>();
        links.add(link(1, paging.limit(), "first"));
        if (paging.page() > 1) {
            links.add(link(Math.min(paging.page() - 1, pages), paging.limit(), "prev"));
        }
        if (paging.page() < pages) {
            links.add(link(paging.page() + 1, paging.limit(), "next"));
        }
        links.add(link(pages, paging.limit(), "last"));
        return String.join(", ", links);
    }

    private static String link(long page, int limit, String rel) {
        return "<" + address(page, limit, null, null) + ">; rel=\"" + rel + "\"";
    }

    /** A page's address by its number, and by a cursor ({@code after} or {@code before}) when one is given. */
    private static String address(long page, int limit, String side, QueueCursor cursor) {
        var uri = UriComponentsBuilder.fromPath("/api/v1/triage-queue").queryParam("page", page).queryParam("limit", limit);
        if (cursor != null) {
            uri.queryParam(side, cursor.encode());
        }
        return uri.build().toUriString();
    }
}
