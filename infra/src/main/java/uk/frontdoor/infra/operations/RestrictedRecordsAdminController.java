package uk.frontdoor.infra.operations;

import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.frontdoor.triage.access.RestrictedRecordsRebuild;
import uk.frontdoor.triage.api.staff.ActorResolver;
import uk.frontdoor.triage.api.value.Actor;

/**
 * Rebuilding which records are restricted, for system managers: not one of the projections (a replay would
 * leave restricted records open while it ran), but made again from the event store in one transaction
 * ({@link RestrictedRecordsRebuild}). The answer gives counts only: who may read what stays with managers.
 */
@RestController
class RestrictedRecordsAdminController {

    private static final Logger log = LoggerFactory.getLogger(RestrictedRecordsAdminController.class);

    private final RestrictedRecordsRebuild rebuild;
    private final ActorResolver actors;

    RestrictedRecordsAdminController(RestrictedRecordsRebuild rebuild, ActorResolver actors) {
        this.rebuild = rebuild;
        this.actors = actors;
    }

    @Operation(summary = "Make the restricted records again from the event store",
            description = "In one transaction: restricting and lifting wait for it, readers keep the old rows until "
                    + "it commits, so no restriction is ever missing. Erased children are left out. System managers only.")
    @PostMapping("/api/v1/admin/restricted-records/rebuild")
    RestrictedRecordsRebuild.Rebuilt rebuild(Authentication who) {
        Actor by = actors.require(who);
        RestrictedRecordsRebuild.Rebuilt rebuilt = rebuild.rebuild();
        log.info("Restricted records rebuilt from the event store by {}: {} children read, {} restrictions in force",
                by.userId(), rebuilt.children(), rebuilt.restrictions());
        return rebuilt;
    }
}
