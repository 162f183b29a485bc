package uk.frontdoor.triage.staff.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.util.MultiValueMap;
import uk.frontdoor.triage.api.staff.SubmissionRefusedException.FieldProblem;
import uk.frontdoor.triage.staff.pages.Dates;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.FormInput;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "log a contact" form, read into the version-1 submission a partner would send, and the intake's
 * problems with that submission put back on the form's fields.
 *
 * <p>The form judges nothing itself: a blank field is left out of the submission (as "not given"), a
 * date is written as the schema's {@code YYYY-MM-DD} when its parts are numbers and passed on as typed
 * otherwise, so the intake's reader finds every mistake with the same rule and words as for a partner.
 * Each problem's field path is then mapped to the form field it came from, for the GOV.UK error summary
 * and the message beside the field, which start with the field's label ("Postcode must be a UK postcode
 * such as SL1 1AA").
 */
final class ContactForm {

    /** Household rows the form offers; more members can be described in the narrative. */
    static final int HOUSEHOLD_ROWS = 3;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern HOUSEHOLD = Pattern.compile("household\\[(\\d+)](?:\\.(\\w+))?.*");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

    /** The form field of each submission field, and how a message names it. */
    private record Field(String id, String label) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        field("submissionId", "log-contact-submit", "The form");
        field("referralSource", "referral-source", "Referral source");
        field("referrer", "referrer-name", "Referrer");
        field("referrer.name", "referrer-name", "Referrer’s name");
        field("referrer.role", "referrer-role", "Referrer’s role");
        field("referrer.agency", "referrer-agency", "Referrer’s organisation");
        field("referrer.phone", "referrer-phone", "Referrer’s phone number");
        field("referrer.email", "referrer-email", "Referrer’s email address");
        field("child", "child-given", "Child");
        field("child.givenName", "child-given", "Child’s given names");
        field("child.familyName", "child-family", "Child’s family name");
        field("child.dateOfBirth", "child-dob-day", "Date of birth");
        field("child.expectedDateOfBirth", "child-edd-day", "Expected date of birth");
        field("child.sex", "child-sex", "Sex");
        field("child.nhsNumber", "child-nhs", "NHS number");
        field("child.address", "child-address-line1", "Address");
        field("child.address.line1", "child-address-line1", "Address line 1");
        field("child.address.line2", "child-address-line2", "Address line 2");
        field("child.address.town", "child-address-town", "Town or city");
        field("child.address.postcode", "child-address-postcode", "Postcode");
        field("child.ethnicity", "child-ethnicity", "Ethnicity");
        field("child.firstLanguage", "child-language", "First language");
        field("child.interpreterNeeded", "child-interpreter", "Interpreter");
        field("concerns", "concerns-factors", "Concerns");
        field("concerns.factors", "concerns-factors", "Factors");
        field("concerns.indicators", "concerns-indicators", "Indicators");
        field("concerns.narrative", "concerns-narrative", "What the referrer told you");
        field("awareSince", "aware-since-day", "When the referrer became aware");
        field("consent", "consent-status", "Consent");
        field("consent.status", "consent-status", "Consent");
        field("consent.reason", "consent-reason", "Why consent was refused or not sought");
        field("immediateRisk", "immediate-risk", "Immediate risk");
        field("actionsTaken", "actions-taken", "Actions taken");
    }

    private static void field(String path, String id, String label) {
        FIELDS.put(path, new Field(id, label));
    }

    private static final Map<String, Field> HOUSEHOLD_FIELDS = Map.of(
            "givenName", new Field("given", "given names"),
            "familyName", new Field("family", "family name"),
            "relationship", new Field("relationship", "relationship to the child"),
            "dateOfBirth", new Field("dob-day", "date of birth"));

    private final MultiValueMap<String, String> input;
    private final FormErrors kept = new FormErrors("log-contact");
    /** The form row of each household member in the submission (empty rows are left out). */
    private final List<Integer> householdRows = new ArrayList<>();

    ContactForm(MultiValueMap<String, String> input) {
        this.input = input;
    }

    /** The submission, as JSON a partner would send; everything typed is kept for the page to show again. */
    ObjectNode submission(String submissionId) {
        ObjectNode submission = JSON.objectNode();
        submission.put("submissionId", submissionId);
        put(submission, "referralSource", text("referral-source"));

        ObjectNode referrer = JSON.objectNode();
        put(referrer, "name", text("referrer-name"));
        put(referrer, "role", text("referrer-role"));
        put(referrer, "agency", text("referrer-agency"));
        put(referrer, "phone", text("referrer-phone"));
        put(referrer, "email", text("referrer-email"));
        if (!referrer.isEmpty()) {
            submission.set("referrer", referrer);
        }

        ObjectNode child = submission.putObject("child");
        put(child, "givenName", text("child-given"));
        put(child, "familyName", text("child-family"));
        put(child, "dateOfBirth", date("child-dob"));
        put(child, "expectedDateOfBirth", date("child-edd"));
        put(child, "sex", text("child-sex"));
        put(child, "nhsNumber", text("child-nhs"));
        ObjectNode address = JSON.objectNode();
        put(address, "line1", text("child-address-line1"));
        put(address, "line2", text("child-address-line2"));
        put(address, "town", text("child-address-town"));
        put(address, "postcode", text("child-address-postcode"));
        if (!address.isEmpty()) {
            child.set("address", address);
        }
        put(child, "ethnicity", text("child-ethnicity"));
        put(child, "firstLanguage", text("child-language"));
        String interpreter = text("child-interpreter");
        if ("YES".equals(interpreter) || "NO".equals(interpreter)) {
            child.put("interpreterNeeded", "YES".equals(interpreter));
        }

        ArrayNode household = JSON.arrayNode();
        for (int row = 0; row < HOUSEHOLD_ROWS; row++) {
            String prefix = "household-" + row + "-";
            ObjectNode member = JSON.objectNode();
            put(member, "givenName", text(prefix + "given"));
            put(member, "familyName", text(prefix + "family"));
            put(member, "relationship", text(prefix + "relationship"));
            put(member, "dateOfBirth", date(prefix + "dob"));
            if (!member.isEmpty()) {
                household.add(member);
                householdRows.add(row);
            }
        }
        if (!household.isEmpty()) {
            submission.set("household", household);
        }

        ObjectNode concerns = submission.putObject("concerns");
        concerns.set("factors", list("concerns-factors"));
        ArrayNode indicators = list("concerns-indicators");
        if (!indicators.isEmpty()) {
            concerns.set("indicators", indicators);
        }
        put(concerns, "narrative", text("concerns-narrative"));

        put(submission, "awareSince", awareSince());

        ObjectNode consent = submission.putObject("consent");
        put(consent, "status", text("consent-status"));
        put(consent, "reason", text("consent-reason"));

        String risk = text("immediate-risk");
        if ("YES".equals(risk) || "NO".equals(risk)) {
            submission.put("immediateRisk", "YES".equals(risk));
        }
        put(submission, "actionsTaken", text("actions-taken"));
        return submission;
    }

    /** What was typed, and each of the intake's problems on the field it came from (one per field). */
    FormErrors refused(List<FieldProblem> problems) {
        for (FieldProblem problem : problems) {
            Field field = formField(problem.field());
            if (!kept.has(field.id())) {
                kept.add(field.id(), field.label() + " " + problem.problem());
            }
        }
        return kept;
    }

    private Field formField(String path) {
        Matcher member = HOUSEHOLD.matcher(path);
        if (member.matches()) {
            int index = Integer.parseInt(member.group(1));
            int row = index < householdRows.size() ? householdRows.get(index) : 0;
            Field part = HOUSEHOLD_FIELDS.getOrDefault(member.group(2) == null ? "" : member.group(2),
                    new Field("relationship", ""));
            String label = "Household member " + (row + 1) + (part.label().isEmpty() ? "" : "’s " + part.label());
            return new Field("household-" + row + "-" + part.id(), label);
        }
        if (path.startsWith("household")) {
            return new Field("household-0-relationship", "Household");
        }
        // An item of a list (a factor, an indicator) is a problem with the list's checkboxes.
        String field = path.replaceAll("\\[\\d+]$", "");
        while (!field.isEmpty()) {
            Field known = FIELDS.get(field);
            if (known != null) {
                return known;
            }
            int dot = field.lastIndexOf('.');
            field = dot < 0 ? "" : field.substring(0, dot);
        }
        return new Field("log-contact-submit", "The contact");
    }

    private String text(String id) {
        String value = input.getFirst(id);
        kept.keep(id, value);
        return FormInput.text(value);
    }

    private ArrayNode list(String id) {
        List<String> values = input.getOrDefault(id, List.of()).stream().map(FormInput::text)
                .filter(value -> value != null).distinct().toList();
        kept.keep(id, String.join(",", values));
        ArrayNode list = JSON.arrayNode();
        values.forEach(list::add);
        return list;
    }

    /**
     * A GOV.UK date input as the schema's {@code YYYY-MM-DD} when its parts are numbers; otherwise as
     * typed, for the intake to refuse with its own words. Null when all three are blank.
     */
    private String date(String id) {
        String day = text(id + "-day");
        String month = text(id + "-month");
        String year = text(id + "-year");
        if (day == null && month == null && year == null) {
            return null;
        }
        if (digits(day) && digits(month) && digits(year) && year.length() == 4) {
            return String.format("%s-%02d-%02d", year, Integer.parseInt(month), Integer.parseInt(day));
        }
        return (year == null ? "" : year) + "-" + (month == null ? "" : month) + "-" + (day == null ? "" : day);
    }

    /**
     * When the referrer became aware: a date and, optionally, a time (the start of the day if none), as
     * clock time in England with its offset that day. Parts that are not a real date or time are passed
     * on as typed, for the intake to refuse.
     */
    private String awareSince() {
        String date = date("aware-since");
        String time = text("aware-since-time");
        if (date == null) {
            return time == null ? null : "T" + time;
        }
        LocalTime at = LocalTime.MIDNIGHT;
        if (time != null) {
            Matcher clock = TIME.matcher(time);
            if (!clock.matches()) {
                return date + "T" + time;
            }
            try {
                at = LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)));
            } catch (DateTimeException notATime) {
                return date + "T" + time;
            }
        }
        try {
            return LocalDate.parse(date).atTime(at).atZone(Dates.ENGLAND).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException notADate) {
            return date + "T" + at;
        }
    }

    private static boolean digits(String value) {
        return value != null && value.matches("[0-9]{1,4}");
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
