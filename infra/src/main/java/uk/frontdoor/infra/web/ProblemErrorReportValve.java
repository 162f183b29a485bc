package uk.frontdoor.infra.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer to a request Tomcat refuses before the application sees it (a URL it will not decode or
 * normalise, a malformed request line or header): an RFC 9457 problem, like every other refusal, instead
 * of Tomcat's HTML error page, and without the exception or server version that page can show. Errors the
 * application raises never get here: Spring answers those itself. Found by the staff API fuzz test. A
 * browser on a staff page gets an HTML page instead ({@link BrowserErrorPage}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        if (BrowserErrorPage.wanted(request)) {
            write(response, "text/html", BrowserErrorPage.html(status));
            return;
        }
        String field = status == 400 ? ",\"errors\":[{\"field\":\"request\",\"problem\":\"could not be read as an "
                + "HTTP request: its URL or a header has characters or segments this service does not accept\"}]" : "";
        String problem = "{\"type\":\"about:blank\",\"title\":\"Request refused\",\"status\":" + status
                + ",\"detail\":\"The request was refused before it reached the service; nothing was changed.\""
                + field + "}";
        write(response, "application/problem+json", problem);
    }

    private static void write(Response response, String contentType, String body) {
        try {
            response.setContentType(contentType);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException notWritten) {
            // The client has gone or the response was committed meanwhile: nothing more to tell it.
        }
    }
}
