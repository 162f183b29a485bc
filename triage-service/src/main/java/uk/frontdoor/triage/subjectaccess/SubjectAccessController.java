package uk.frontdoor.triage.subjectaccess;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.ChildId;

import java.net.URI;

/** A child's subject access bundle, as JSON or as a PDF, for managers (see {@link SubjectAccess}). */
@RestController
@Tag(name = "Data protection")
class SubjectAccessController {

    private final SubjectAccess access;
    private final ActorResolver actors;

    SubjectAccessController(SubjectAccess access, ActorResolver actors) {
        this.access = access;
        this.actors = actors;
    }

    @Operation(summary = "Everything held about a child's record (events, read models, partner checks, record of "
            + "views), with third parties' data marked for redaction; producing it is recorded in the record of views")
    @GetMapping(path = "/api/v1/children/{childId}/subject-access", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> bundle(Authentication who, @PathVariable String childId) {
        ObjectNode bundle = access.produce(actors.require(who), ChildId.of(childId), "API, JSON")
                .orElseThrow(SubjectAccessController::notFound);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("subject-access.json").build().toString())
                .body(bundle);
    }

    @Operation(summary = "The same bundle as a readable PDF, the values about other people highlighted")
    @GetMapping(path = "/api/v1/children/{childId}/subject-access.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(Authentication who, @PathVariable String childId) {
        ObjectNode bundle = access.produce(actors.require(who), ChildId.of(childId), "API, PDF")
                .orElseThrow(SubjectAccessController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                // A generic file name: nothing about the child in it.
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("subject-access.pdf").build().toString())
                .body(access.pdf(bundle));
    }

    private static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no child record with this id.");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle("No such child");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
