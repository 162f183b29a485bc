package uk.frontdoor.triage.erasure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.frontdoor.triage.api.value.ChildId;

import java.util.Optional;

/**
 * Every page and endpoint of one child's record, or of one contact, asks first whether the record was erased; if it
 * was, the answer is "erased on ... under ..." (410 Gone: problem details for the API, a page for the pages) and
 * nothing else, before any read model, view log or command is touched. The data protection pages and endpoints are
 * left out: they say the same themselves, and a hold or an erasure sent to an erased record is refused by the record.
 */
@Configuration
class ErasedRecordGuard implements WebMvcConfigurer, HandlerInterceptor {

    private final ErasureRecords erasures;

    ErasedRecordGuard(ErasureRecords erasures) {
        this.erasures = erasures;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .addPathPatterns("/api/v1/children/*", "/api/v1/children/*/**", "/children/*", "/children/*/**",
                        "/api/v1/contacts/*", "/api/v1/contacts/*/**", "/contacts/*", "/contacts/*/**")
                .excludePathPatterns("/api/v1/children/*/erasure", "/api/v1/children/*/erasure/**",
                        "/api/v1/children/*/legal-holds", "/api/v1/children/*/legal-holds/**",
                        "/children/*/data-protection", "/children/*/data-protection/**", "/children/search",
                        "/contacts/new");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        int at = path.length > 1 && path[1].equals("api") ? 3 : 1;
        if (path.length <= at + 1 || path[at + 1].isBlank()) {
            return true;
        }
        String id = path[at + 1];
        Optional<ErasureRecords.Erased> erased = switch (path[at]) {
            case "children" -> erasures.erased(ChildId.of(id));
            case "contacts" -> erasures.erasedWithContact(id);
            default -> Optional.empty();
        };
        erased.ifPresent(record -> {
            throw new ErasedRecordException(record);
        });
        return true;
    }
}
