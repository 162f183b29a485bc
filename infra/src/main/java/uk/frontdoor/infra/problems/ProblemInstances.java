package uk.frontdoor.infra.problems;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.net.URI;

/**
 * A problem's {@code instance} names the route, never the address as called: Spring fills it in with the request
 * path, and a path can carry what a caller typed, a child's name or NHS number where an id belongs
 * ({@code /api/v1/children/<name>/chronology}). The route template ({@code /api/v1/children/{childId}/chronology})
 * says as much about where the problem arose; with no route (nothing matched) it is left out.
 */
@ControllerAdvice
class ProblemInstances implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getInstance() != null) {
            problem.setInstance(route(request));
        }
        return body;
    }

    private static URI route(ServerHttpRequest request) {
        if (request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest http = servlet.getServletRequest();
            if (http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                    && pattern.startsWith("/") && !pattern.contains("*")) {
                // Braces are not allowed in a URI: written as the RFC 6570 template they are, %-escaped.
                return URI.create(pattern.replace("{", "%7B").replace("}", "%7D"));
            }
        }
        return null;
    }
}
