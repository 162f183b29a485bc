package uk.frontdoor.infra.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which failures to send an email are the mail server's last word about that email (RFC 5321 section 4.2.1: a 5yz
 * reply is a permanent negative completion, "the SMTP client SHOULD NOT repeat the exact request"), and which may
 * go another time (4yz replies, a server that cannot be reached, a timeout).
 *
 * <p>Permanent: a recipient refused with a 5yz reply ({@code 550 5.1.1 user unknown}), the message refused with one
 * after {@code DATA} ({@code 554} content rejected), or an address that does not parse. Not permanent, although 5yz:
 * the sender refused at {@code MAIL FROM} and a failed sign-in, which say the service's mail settings are wrong,
 * not the email: every email would fail alike, and each should go once they are put right.
 */
final class SmtpFailures {

    /**
     * What a stored failure (its exception class names, outermost first: {@code OutboxSender.classesOf}) says, in
     * words for operators: the first class, innermost first, that says something; the answers of the service's API
     * name no Java class.
     */
    private static final Map<String, String> IN_WORDS = inWords();

    private SmtpFailures() {
    }

    private static Map<String, String> inWords() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("SMTPAddressFailedException", "the mail server refused a recipient");
        words.put("SMTPSenderFailedException", "the mail server refused the service's sender address");
        words.put("SMTPSendFailedException", "the mail server refused the message");
        words.put("AuthenticationFailedException", "the mail server refused the service's sign-in");
        words.put("AddressException", "an address that does not parse");
        words.put("SocketTimeoutException", "the mail server did not answer in time");
        words.put("ConnectException", "the mail server could not be reached");
        words.put("UnknownHostException", "the mail server's name is not known");
        words.put("SSLException", "the secure connection to the mail server failed");
        return words;
    }

    /** The stored failure in words; the outbox row's {@code last_error} keeps its classes. */
    static String inWords(String classes) {
        if (classes == null || classes.isBlank()) {
            return null;
        }
        for (Map.Entry<String, String> known : IN_WORDS.entrySet()) {
            if (classes.contains(known.getKey())) {
                return known.getValue();
            }
        }
        return "another failure (its kind is in the outbox row's last_error)";
    }

    static boolean permanent(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = next(cause)) {
            if (cause instanceof AddressException) {
                return true;
            }
            if (cause instanceof SMTPAddressFailedException recipient && permanent(recipient.getReturnCode())) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException message && !(cause instanceof SMTPSenderFailedException)
                    && permanent(message.getReturnCode())) {
                return true;
            }
        }
        return false;
    }

    /** Jakarta Mail chains a send's failures (one per refused recipient) as next exceptions. */
    private static Throwable next(Throwable failure) {
        if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return failure.getCause();
    }

    private static boolean permanent(int replyCode) {
        return replyCode >= 500 && replyCode < 600;
    }
}
