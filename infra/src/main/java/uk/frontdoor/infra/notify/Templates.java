package uk.frontdoor.infra.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emails' wording, GOV.UK Notify style: each template a subject and a body with {@code ((name))}
 * placeholders. The service's own are in {@code notifications/templates.properties}; a council's wording, from
 * configuration, wins. A placeholder left unfilled is a programming error, never an email with "((link))" in it.
 */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([A-Za-z]+)\\)\\)");

    /** A filled template: what to send. */
    record Email(String subject, String body) {
    }

    private final Map<String, String> texts = new HashMap<>();

    Templates(Map<String, String> overrides) {
        Properties own = new Properties();
        try (InputStream in = Templates.class.getResourceAsStream("/notifications/templates.properties")) {
            own.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        own.forEach((key, value) -> texts.put((String) key, (String) value));
        overrides.forEach((key, value) -> {
            if (!texts.containsKey(key)) {
                throw new IllegalArgumentException("frontdoor.notifications.templates: there is no template text "
                        + key + " (each is <name>.subject or <name>.body)");
            }
            texts.put(key, value);
        });
    }

    Email fill(String template, Map<String, String> values) {
        return new Email(fill(template + ".subject", texts.get(template + ".subject"), values),
                fill(template + ".body", texts.get(template + ".body"), values));
    }

    private static String fill(String key, String text, Map<String, String> values) {
        if (text == null) {
            throw new IllegalArgumentException("No template text " + key);
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("Template " + key + " needs ((" + placeholder.group(1) + "))");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }
}
