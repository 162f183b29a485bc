package uk.frontdoor.infra.operations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.triage.api.staff.ActorResolver;

import java.net.URI;
import java.util.List;

/** Projection admin for system managers: where each read model stands, and rebuilding one. */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdmin admin;
    private final ActorResolver actors;

    ProjectionAdminController(ProjectionAdmin admin, ActorResolver actors) {
        this.admin = admin;
        this.actors = actors;
    }

    record Projections(List<ProjectionStatus> projections) {
    }

    @GetMapping
    Projections all() {
        return new Projections(admin.projections());
    }

    @GetMapping("/{name}")
    ProjectionStatus one(@PathVariable String name) {
        return admin.projection(name).orElseThrow(() -> unknown(name));
    }

    /** 202: the rebuild runs on in the background; the Location is the projection's status. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name, Authentication who) {
        ProjectionStatus started = admin.rebuild(name, actors.require(who));
        URI status = UriComponentsBuilder.fromPath("/api/v1/admin/projections/{name}").buildAndExpand(name).toUri();
        return ResponseEntity.accepted().location(status).body(started);
    }

    @ExceptionHandler(ProjectionAdminException.class)
    ProblemDetail refused(ProjectionAdminException refused) {
        var reason = refused.reason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(reason.httpStatus()),
                refused.getMessage());
        problem.setType(URI.create("/problems/" + reason.code()));
        problem.setTitle(reason.title());
        problem.setProperty("rule", reason.code());
        return problem;
    }

    private static ProjectionAdminException unknown(String name) {
        return ProjectionAdminException.unknown(name);
    }
}
