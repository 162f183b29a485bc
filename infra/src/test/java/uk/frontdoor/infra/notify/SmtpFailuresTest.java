package uk.frontdoor.infra.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

import java.net.ConnectException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures to send an email give it up sooner: the server's permanent word about that email, and nothing else. */
class SmtpFailuresTest {

    static Stream<Arguments> failures() throws Exception {
        InternetAddress mailbox = new InternetAddress("someone@example.org");
        return Stream.of(
                Arguments.of("550 to a recipient, as Jakarta Mail throws it", invalid(rcpt(mailbox, 550)), true),
                Arguments.of("a 4xx and then a 550 for another recipient", chain(rcpt(mailbox, 451), rcpt(mailbox, 550)),
                        true),
                Arguments.of("451 to a recipient: try again later", invalid(rcpt(mailbox, 451)), false),
                Arguments.of("554 to the message after DATA", new SMTPSendFailedException("DATA", 554, "rejected",
                        null, null, null, null), true),
                Arguments.of("452 to the message: storage full for now", new SMTPSendFailedException("DATA", 452,
                        "full", null, null, null, null), false),
                Arguments.of("550 to the service's own sender: its settings, not the email",
                        new SMTPSenderFailedException(mailbox, "MAIL FROM", 550, "not allowed"), false),
                Arguments.of("a failed sign-in", new AuthenticationFailedException("535"), false),
                Arguments.of("an address that does not parse, as Spring reports it",
                        new MailParseException(new AddressException("Illegal address")), true),
                Arguments.of("the server cannot be reached", new MailSendException("connect",
                        new MessagingException("connect", new ConnectException())), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void only_the_servers_permanent_word_about_the_email_is_permanent(String what, Exception failure,
                                                                      boolean permanent) {
        assertThat(SmtpFailures.permanent(failure)).isEqualTo(permanent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void each_failure_is_told_to_operators_in_words_without_a_class_name(String what, Exception failure,
                                                                         boolean permanent) {
        String words = SmtpFailures.inWords(OutboxSender.classesOf(failure));

        assertThat(words).isNotBlank().doesNotContain("Exception", "jakarta", "org.");
        assertThat(SmtpFailures.inWords(null)).isNull();
    }

    private static SMTPAddressFailedException rcpt(InternetAddress address, int code) {
        return new SMTPAddressFailedException(address, "RCPT TO", code, code + " refused");
    }

    private static SMTPAddressFailedException chain(SMTPAddressFailedException first, SMTPAddressFailedException then) {
        first.setNextException(then);
        return first;
    }

    private static SendFailedException invalid(SMTPAddressFailedException refused) {
        return new SendFailedException("Invalid Addresses", refused);
    }
}
