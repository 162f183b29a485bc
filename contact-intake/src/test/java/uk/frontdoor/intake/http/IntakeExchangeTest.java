package uk.frontdoor.intake.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The intake's own reading and answering: what Spring MVC's converters did for a byte[] in and a receipt out. */
class IntakeExchangeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_receipt_is_what_jackson_writes_for_it() throws Exception {
        for (String id : new String[]{"c-0c5f6a36-1b7e-4a2b-9d61-2f0d7c1e9a10", "", "quote\" back\\slash \u0001 é ☃"}) {
            for (boolean again : new boolean[]{false, true}) {
                assertThat(new String(IntakeExchange.receipt(id, again), StandardCharsets.UTF_8))
                        .isEqualTo(json.writeValueAsString(new ContactSubmissionController.SubmissionReceipt(id, again)));
            }
        }
    }

    @Test
    void the_202_carries_the_location_json_and_its_length() throws Exception {
        var response = new MockHttpServletResponse();

        IntakeExchange.accepted(response, "http://localhost/api/v1/contacts/c-1", "c-1", true);

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getHeader("Location")).isEqualTo("http://localhost/api/v1/contacts/c-1");
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsString()).isEqualTo("{\"contactId\":\"c-1\",\"alreadyReceived\":true}");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    @Test
    void the_body_is_read_whole_with_or_without_a_declared_length() {
        byte[] sent = "{\"submissionId\":\"s-1\"}".getBytes(StandardCharsets.UTF_8);
        var declared = new MockHttpServletRequest("POST", "/api/v1/contacts");
        declared.setContent(sent);
        var undeclared = new MockHttpServletRequest("POST", "/api/v1/contacts");
        undeclared.setContent(sent);
        var chunked = new HttpServletRequestWrapper(undeclared) {
            @Override
            public int getContentLength() {
                return -1;
            }
        };

        assertThat(IntakeExchange.body(declared)).isEqualTo(sent);
        assertThat(IntakeExchange.body(chunked)).isEqualTo(sent);
    }

    @Test
    void an_empty_body_is_missing_as_spring_says_it() {
        var empty = new MockHttpServletRequest("POST", "/api/v1/contacts");
        empty.setContent(new byte[0]);

        assertThatThrownBy(() -> IntakeExchange.body(empty))
                .isInstanceOfSatisfying(HttpMessageNotReadableException.class, missing -> {
                    assertThat(missing.getMessage()).startsWith("Required request body is missing");
                    assertThat(missing.getCause()).isNull();
                });
    }

    @Test
    void a_read_that_fails_carries_its_cause_so_an_overrun_is_told_apart() {
        var request = new MockHttpServletRequest("POST", "/api/v1/contacts");
        var overrun = new SubmissionSizeLimitFilter.PayloadTooLargeException(10);
        var failing = new HttpServletRequestWrapper(request) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        throw overrun;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        throw overrun;
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                    }
                };
            }
        };

        assertThatThrownBy(() -> IntakeExchange.body(failing))
                .isInstanceOf(HttpMessageNotReadableException.class).hasCause(overrun);
    }
}
