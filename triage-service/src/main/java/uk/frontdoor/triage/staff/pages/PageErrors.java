package uk.frontdoor.triage.staff.pages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that is not there, or a request a page cannot answer, as a GOV.UK page rather than the
 * API's problem JSON (the API's exception handlers apply to every controller, so the pages claim
 * their own errors first). Nothing of the request is repeated on the page.
 */
@ControllerAdvice(annotations = StaffPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException failure) {
        HttpStatus status = HttpStatus.valueOf(failure.getStatusCode().value());
        return new ModelAndView(status == HttpStatus.NOT_FOUND ? "error/404" : "error", status);
    }
}
