package uk.frontdoor.intake.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.intake.partner.PartnerRateLimits;
import uk.frontdoor.intake.submission.RejectionReason;
import uk.frontdoor.triage.api.value.Channel;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Holds each partner agency to its configured rate of submissions over HTTP (Resilience4j's rate
 * limiter, one per agency). A partner over its limit is answered {@code 429} with {@code Retry-After},
 * before its body is read, and nothing is stored; other partners are unaffected. Staff logging a
 * phoned-in contact are not limited.
 */
@Component
class PartnerRateLimiting implements HandlerInterceptor, WebMvcConfigurer {

    static final URI TOO_MANY_REQUESTS = URI.create("/problems/too-many-requests");

    private final PartnerRateLimits limits;
    private final IntakeMetrics metrics;
    private final ObjectMapper json;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

    PartnerRateLimiting(PartnerRateLimits limits, IntakeMetrics metrics, ObjectMapper json) {
        this.limits = limits;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/contacts");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!"POST".equals(request.getMethod()) || authentication == null
                || !(authentication.getPrincipal() instanceof PartnerPrincipal partner)) {
            return true;
        }
        var limit = limits.limitFor(partner.agency());
        if (limit.isEmpty()) {
            return true;
        }
        RateLimiter limiter = limiters.rateLimiter(partner.agency().value(), RateLimiterConfig.custom()
                .limitForPeriod(limit.get().requests())
                .limitRefreshPeriod(limit.get().per())
                .timeoutDuration(Duration.ZERO)
                .build());
        if (limiter.acquirePermission()) {
            return true;
        }
        long retryAfterSeconds = Math.max(1, (long) Math.ceil(
                ((AtomicRateLimiter) limiter).getDetailedMetrics().getNanosToWait() / 1e9));
        metrics.rejected(Channel.HTTP, RejectionReason.RATE_LIMITED.name());
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS, "Too many submissions",
                "Your agency may send " + limit.get().requests() + " submissions in " + limit.get().per()
                        + "; try again in " + retryAfterSeconds + " seconds. Nothing was stored.");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        Problems.write(response, json, problem);
        return false;
    }
}
