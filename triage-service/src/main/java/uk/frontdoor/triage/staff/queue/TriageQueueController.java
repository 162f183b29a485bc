package uk.frontdoor.triage.staff.queue;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.query.FindTriageQueue;
import uk.frontdoor.triage.api.query.TriageQueue;

/** The first-contact social workers' queue: contacts waiting for screening, most urgent first. */
@RestController
@RequestMapping("/api/v1/triage-queue")
class TriageQueueController {

    private final QueryGateway queries;

    TriageQueueController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    TriageQueue queue(@RequestParam(defaultValue = "100") int limit) {
        return queries.query(new FindTriageQueue(limit), ResponseTypes.instanceOf(TriageQueue.class)).join();
    }
}
