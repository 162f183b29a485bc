package uk.frontdoor.infra.health;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import uk.frontdoor.triage.staff.pages.StaffPage;

/**
 * A staff page that fails because PostgreSQL cannot be reached is answered {@code 503} with {@code Retry-After}
 * and a page that says so and that nothing was saved, as the API answers ({@link DependencyUnavailable}),
 * instead of the general error page's 500. Logged as one line naming the exception's class only.
 */
@ControllerAdvice(annotations = StaffPage.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class DependencyUnavailablePages {

    private static final Logger log = LoggerFactory.getLogger(DependencyUnavailablePages.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class})
    ModelAndView unavailable(Exception failure, HttpServletResponse response) {
        log.warn("A staff page failed because the database is unavailable ({}); answered 503",
                failure.getClass().getName());
        response.setHeader(HttpHeaders.RETRY_AFTER, DependencyUnavailable.RETRY_AFTER_SECONDS);
        return new ModelAndView("unavailable", HttpStatus.SERVICE_UNAVAILABLE);
    }
}
