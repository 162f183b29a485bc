package uk.frontdoor.triage.staff.pages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.vocabulary.Vocabulary;

import java.util.Locale;

/**
 * Plain-English words for the codes the pages show: outcomes, consent decisions, census codes,
 * agencies, chronology entry types. The words for the events and their values are the published
 * {@link Vocabulary}'s (triage-api), the same the chronology's lines are written in; the pages' own
 * {@code messages.properties} holds what only the pages show (census codes, form answers). A code
 * without words in either is shown readably rather than failing the page (a new event type, a new
 * agency). Templates call it as {@code ${@labels.of('outcome', decision.outcome)}}.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;
    private final Vocabulary vocabulary = Vocabulary.plainEnglish();

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** The words for {@code prefix.value}, e.g. {@code outcome.EARLY_HELP}; empty for no value. */
    public String of(String prefix, Object value) {
        if (value == null) {
            return "";
        }
        String code = value instanceof Enum<?> constant ? constant.name() : value.toString();
        String pageWords = messages.getMessage(prefix + "." + code, null, null, Locale.UK);
        return pageWords != null ? pageWords : vocabulary.word(prefix, code);
    }

    /** A census assessment factor with its code, e.g. "3A: Domestic abuse: concerns about the child". */
    public String factor(String code) {
        return code + ": " + messages.getMessage("factor." + code, null, "unknown factor", Locale.UK);
    }

    /** A census referral source with its code, e.g. "6: Police". */
    public String source(String code) {
        if (code == null) {
            return "";
        }
        return code + ": " + messages.getMessage("source." + code, null, "unknown source", Locale.UK);
    }

    /**
     * A short reference for a contact or alert id (its first eight characters), for places that must
     * not name the child, such as the duty manager's board: "contact 3f2a9c1e".
     */
    public String ref(Object id) {
        String value = id == null ? "" : id.toString();
        int dash = value.indexOf('-');
        return dash > 0 ? value.substring(0, dash) : value.substring(0, Math.min(8, value.length()));
    }

    /**
     * The GOV.UK tag colour for a RAG rating. The tag always carries the rating's name as text too,
     * so colour is never the only way the rating is told (WCAG 1.4.1).
     */
    public String ragTag(Object priority) {
        String name = priority == null ? "" : priority.toString();
        return switch (name) {
            case "RED" -> "govuk-tag--red";
            case "AMBER" -> "govuk-tag--orange";
            case "GREEN" -> "govuk-tag--green";
            case "BLUE" -> "govuk-tag--blue";
            default -> "govuk-tag--grey";
        };
    }

    /** The GOV.UK tag colour for a projection's state; the state's words are always on the tag too. */
    public String projectionTag(Object state) {
        String name = state == null ? "" : state.toString();
        return switch (name) {
            case "UP_TO_DATE" -> "govuk-tag--green";
            case "CATCHING_UP" -> "govuk-tag--yellow";
            case "REBUILDING" -> "govuk-tag--blue";
            case "ERROR" -> "govuk-tag--red";
            default -> "govuk-tag--grey";
        };
    }
}
