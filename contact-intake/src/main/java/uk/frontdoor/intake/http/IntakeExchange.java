package uk.frontdoor.intake.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The submission's bytes read from the request, and the 202 receipt written to the response, by the intake itself
 * rather than through Spring MVC's message converters and content negotiation: for a {@code byte[]} in and two
 * fields out they were a fifth of a request thread's CPU (issue 14). What a caller sees is unchanged: the
 * {@code consumes} and {@code produces} of the mapping still answer 415 and 406; an empty body, a body past the size
 * limit while it is read, and a body that cannot be read are thrown as Spring MVC throws them, so
 * {@link IntakeExceptionHandler} answers them as before (400 naming the body as missing, 413, 400).
 */
final class IntakeExchange {

    /** How Spring MVC words a required body that is missing; {@link IntakeExceptionHandler} recognises it. */
    static final String MISSING = "Required request body is missing";

    private IntakeExchange() {
    }

    /** The whole body, read once; never empty. */
    static byte[] body(HttpServletRequest request) {
        byte[] body;
        try {
            ServletInputStream in = request.getInputStream();
            int declared = request.getContentLength();
            if (declared >= 0) {
                // Length declared (and already checked against the limit by SubmissionSizeLimitFilter): one array.
                body = new byte[declared];
                int read = in.readNBytes(body, 0, declared);
                if (read < declared) {
                    body = Arrays.copyOf(body, read);
                }
            } else {
                body = in.readAllBytes();
            }
        } catch (IOException e) {
            // The size limit passed while a chunked body is read (413), or the body could not be read (400).
            throw new HttpMessageNotReadableException("I/O error while reading input message", e,
                    new ServletServerHttpRequest(request));
        }
        if (body.length == 0) {
            throw new HttpMessageNotReadableException(MISSING + ": a contact submission",
                    new ServletServerHttpRequest(request));
        }
        return body;
    }

    /** 202 with the contact's address and its receipt, {@code {"contactId":"…","alreadyReceived":…}}. */
    static void accepted(HttpServletResponse response, String location, String contactId, boolean alreadyReceived)
            throws IOException {
        byte[] receipt = receipt(contactId, alreadyReceived);
        response.setStatus(HttpStatus.ACCEPTED.value());
        response.setHeader(HttpHeaders.LOCATION, location);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(receipt.length);
        response.getOutputStream().write(receipt);
    }

    /** The receipt as Jackson writes {@code SubmissionReceipt}: the same fields, in the same order. */
    static byte[] receipt(String contactId, boolean alreadyReceived) {
        StringBuilder json = new StringBuilder(48 + contactId.length()).append("{\"contactId\":\"");
        JsonStringEncoder.getInstance().quoteAsString(contactId, json);
        return json.append("\",\"alreadyReceived\":").append(alreadyReceived).append('}').toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
