package uk.frontdoor.infra.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * A contact submitted: {@code POST /api/v1/contacts}, the one request partners' systems send by the thousand. It has
 * a security filter chain of its own ({@code ApiSecurityConfiguration#intake}), matched by this path matcher alone,
 * whose one rule needs no Spring MVC handler lookup; so Spring Security's {@link HandlerMappingIntrospector} cache
 * filter, which looks every request's handler up once more before the chains so that MVC request matchers can reuse
 * it (6 to 8% of a request thread's CPU in the intake benchmark), skips it. Every other request still has it.
 */
final class PartnerIntakeRequests {

    /** The intake, exactly: a trailing slash, another method or a longer path is not it. */
    static final RequestMatcher SUBMIT = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/api/v1/contacts");

    private static final String INTROSPECTOR = "mvcHandlerMappingIntrospector";

    private PartnerIntakeRequests() {
    }

    /**
     * Spring MVC's introspector (Spring Security finds it by this name, and wraps its cache filter around every
     * chain), replaced by one whose cache filter lets the intake's requests by. Only its definition's class changes:
     * Spring MVC's own is a plain {@code new HandlerMappingIntrospector()}, lazily.
     */
    static BeanDefinitionRegistryPostProcessor introspectorSkippingTheIntake() {
        return (BeanDefinitionRegistry registry) -> {
            if (registry.containsBeanDefinition(INTROSPECTOR)) {
                RootBeanDefinition skipping = new RootBeanDefinition(SkippingTheIntake.class);
                skipping.setLazyInit(true);
                registry.removeBeanDefinition(INTROSPECTOR);
                registry.registerBeanDefinition(INTROSPECTOR, skipping);
            }
        };
    }

    /** Looks handlers up for Spring Security's MVC matchers as ever, except for a submitted contact. */
    static final class SkippingTheIntake extends HandlerMappingIntrospector {

        @Override
        public Filter createCacheFilter() {
            Filter cache = super.createCacheFilter();
            return (request, response, chain) -> {
                if (SUBMIT.matches((HttpServletRequest) request)) {
                    chain.doFilter(request, response);
                } else {
                    cache.doFilter(request, response, chain);
                }
            };
        }
    }
}
