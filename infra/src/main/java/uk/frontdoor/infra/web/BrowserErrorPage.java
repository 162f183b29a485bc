package uk.frontdoor.infra.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * The answer to a browser on a staff page whose request is refused before Spring MVC sees it (by Tomcat, by
 * Spring Security's firewall, by the NUL check): an HTML page in the pages' style, as the error view gives
 * for what the application itself refuses, instead of a problem document a person cannot read. API callers,
 * and anyone who does not ask for HTML, keep the RFC 9457 problem. Plain text, not a template: these
 * refusals happen where no view can be rendered, and the page says nothing of the request, which can quote a
 * child's details.
 */
public final class BrowserErrorPage {

    private BrowserErrorPage() {
    }

    /** A browser asking for a page: not the API, actuator or OpenAPI document, and accepting HTML. */
    public static boolean wanted(HttpServletRequest request) {
        return wanted(request.getRequestURI(), request.getHeader("Accept"));
    }

    static boolean wanted(String path, String accept) {
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/html")) {
            return false;
        }
        String at = path == null ? "" : path;
        return !(at.startsWith("/api/") || at.equals("/api") || at.startsWith("/actuator") || at.startsWith("/v3/"));
    }

    public static String html(int status) {
        String explanation = status == 400
                ? "The address or the form could not be read: it has characters this service does not accept. "
                + "Nothing was changed."
                : "The request was refused before it reached the service. Nothing was changed.";
        return """
                <!DOCTYPE html>
                <html lang="en" class="govuk-template">
                <head>
                <meta charset="utf-8">
                <title>Sorry, there is a problem – Front door</title>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
                <meta name="robots" content="noindex, nofollow">
                <link rel="stylesheet" href="/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css">
                <link rel="stylesheet" href="/css/frontdoor.css">
                </head>
                <body class="govuk-template__body">
                <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content">
                <h1 class="govuk-heading-l">Sorry, there is a problem with this page</h1>
                <p class="govuk-body">%s</p>
                <p class="govuk-body">Go back and try again, or <a class="govuk-link" href="/">go to the start</a>.</p>
                </main>
                </div>
                </body>
                </html>
                """.formatted(explanation);
    }
}
