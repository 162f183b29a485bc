package uk.frontdoor.infra.operations;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.dataprotection.DataKeyRewrap;

import java.net.URI;

/**
 * Master key rotation for system managers: which master keys wrap how many children's data keys, and re-wrapping
 * them all with the current one. Master key ids and counts only: no key, wrapped or not, and no child.
 */
@RestController
@RequestMapping("/api/v1/admin/data-protection")
class DataProtectionAdminController {

    private static final URI STATUS = URI.create("/api/v1/admin/data-protection/master-keys");

    private final DataKeyRewrap rewrap;
    private final ActorResolver actors;

    DataProtectionAdminController(DataKeyRewrap rewrap, ActorResolver actors) {
        this.rewrap = rewrap;
        this.actors = actors;
    }

    @Operation(summary = "How many data keys each master key wraps, and the last re-wrap",
            description = "A previous master key that wraps no data key any more may be removed from configuration. "
                    + "System managers only.")
    @GetMapping("/master-keys")
    DataKeyRewrap.Status masterKeys() {
        return rewrap.status();
    }

    @Operation(summary = "Re-wrap every data key under a previous master key with the current one",
            description = "Runs in the background (202; progress at the Location), one run at a time on an instance "
                    + "(409 while one runs). System managers only.")
    @PostMapping("/rewrap")
    ResponseEntity<DataKeyRewrap.Run> rewrap(Authentication who) {
        Actor by = actors.require(who);
        return ResponseEntity.accepted().location(STATUS).body(rewrap.start(by.userId(), by.role().name()));
    }

    @ExceptionHandler(DataKeyRewrap.AlreadyRunning.class)
    ProblemDetail alreadyRunning(DataKeyRewrap.AlreadyRunning refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setType(URI.create("/problems/rewrap-already-running"));
        problem.setTitle("A re-wrap is already running");
        problem.setProperty("status-at", STATUS.toString());
        return problem;
    }
}
