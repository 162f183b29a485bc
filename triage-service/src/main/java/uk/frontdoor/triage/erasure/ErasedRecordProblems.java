package uk.frontdoor.triage.erasure;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.ControllerAdvice;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.net.URI;

/** An erased record asked for: "erased on ... under ...", 410 Gone, and nothing else (no id of anything in it). */
final class ErasedRecordProblems {

    private ErasedRecordProblems() {
    }

    @RestControllerAdvice(annotations = RestController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {

        @ExceptionHandler(ErasedRecordException.class)
        ProblemDetail erased(ErasedRecordException gone) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, gone.erased().inWords());
            problem.setType(URI.create("/problems/erased"));
            problem.setTitle("This record has been erased");
            problem.setProperty("rule", "erased");
            problem.setProperty("erasedAt", gone.erased().erasedAt().toString());
            problem.setProperty("legalBasis", gone.erased().legalBasis().name());
            return problem;
        }
    }

    @ControllerAdvice(annotations = StaffPage.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Pages {

        @ExceptionHandler(ErasedRecordException.class)
        ModelAndView erased(ErasedRecordException gone) {
            ModelAndView page = new ModelAndView("erased", HttpStatus.GONE);
            page.addObject("erasedInWords", gone.erased().inWords());
            return page;
        }
    }
}
