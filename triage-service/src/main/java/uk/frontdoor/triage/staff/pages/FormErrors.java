package uk.frontdoor.triage.staff.pages;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What went wrong with a form, for the GOV.UK error summary at the top of the page and the message
 * beside each field, and what was typed, so nobody has to type it again. Carried across the
 * redirect after a refused POST as a flash attribute (held in the session, never in the URL).
 *
 * <p>Messages are written by this code or by the domain's refusals, never copied from the input.
 */
public final class FormErrors implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One problem, with the id of the field it concerns (the error summary links to it). */
    public record Item(String field, String message) implements Serializable {
    }

    private final String form;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    public FormErrors(String form) {
        this.form = form;
    }

    public FormErrors add(String field, String message) {
        items.add(new Item(field, message));
        return this;
    }

    public FormErrors keep(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    /** Which form the errors belong to, e.g. {@code consent}. */
    public String form() {
        return form;
    }

    public boolean any() {
        return !items.isEmpty();
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public boolean has(String field) {
        return items.stream().anyMatch(item -> item.field().equals(field));
    }

    /** The first message for a field; null if it has none. */
    public String message(String field) {
        return items.stream().filter(item -> item.field().equals(field)).map(Item::message).findFirst().orElse(null);
    }

    /** What was typed into a field; null if nothing was kept. */
    public String value(String field) {
        return values.get(field);
    }
}
