package uk.frontdoor.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.StaticWebApplicationContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Security's handler-lookup cache skips exactly a submitted contact, and every other request keeps it. */
class PartnerIntakeRequestsTest {

    @Test
    void only_a_post_to_the_intake_itself_is_the_intake() {
        assertThat(PartnerIntakeRequests.SUBMIT.matches(request("POST", "/api/v1/contacts"))).isTrue();
        assertThat(PartnerIntakeRequests.SUBMIT.matches(request("POST", "/api/v1/contacts/"))).isFalse();
        assertThat(PartnerIntakeRequests.SUBMIT.matches(request("GET", "/api/v1/contacts"))).isFalse();
        assertThat(PartnerIntakeRequests.SUBMIT.matches(request("POST", "/api/v1/contacts/c-1/claim"))).isFalse();
        assertThat(PartnerIntakeRequests.SUBMIT.matches(request("POST", "/api/v1/contactsx"))).isFalse();
        assertThat(PartnerIntakeRequests.SUBMIT.matches(request("POST", "/contacts"))).isFalse();
    }

    @Test
    void the_cache_filter_lets_the_intake_by_and_caches_a_lookup_for_every_other_request() throws Exception {
        var context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.refresh();
        var introspector = new PartnerIntakeRequests.SkippingTheIntake();
        introspector.setApplicationContext(context);
        introspector.afterPropertiesSet();
        var filter = introspector.createCacheFilter();

        List<String> intake = new ArrayList<>();
        filter.doFilter(request("POST", "/api/v1/contacts"), new MockHttpServletResponse(), cached(intake));
        List<String> staffPage = new ArrayList<>();
        filter.doFilter(request("GET", "/queue"), new MockHttpServletResponse(), cached(staffPage));
        List<String> beside = new ArrayList<>();
        filter.doFilter(request("POST", "/api/v1/contacts/c-1/claim"), new MockHttpServletResponse(), cached(beside));

        assertThat(intake).containsExactly("passed on");
        assertThat(staffPage).containsExactly("passed on", "with a cached lookup");
        assertThat(beside).containsExactly("passed on", "with a cached lookup");
    }

    /** Records that the chain went on, and whether the introspector's cached result was on the request then. */
    private static FilterChain cached(List<String> seen) {
        return (request, response) -> {
            seen.add("passed on");
            if (Collections.list(request.getAttributeNames()).stream()
                    .anyMatch(name -> name.startsWith("org.springframework.web.servlet.handler.HandlerMappingIntrospector"))) {
                seen.add("with a cached lookup");
            }
        };
    }

    private static HttpServletRequest request(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return request;
    }
}
