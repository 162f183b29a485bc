package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.ContactSubmission.Address;
import uk.frontdoor.triage.api.value.ContactSubmission.Child;
import uk.frontdoor.triage.api.value.ContactSubmission.Concerns;
import uk.frontdoor.triage.api.value.ContactSubmission.Consent;
import uk.frontdoor.triage.api.value.ContactSubmission.ConsentStatus;
import uk.frontdoor.triage.api.value.ContactSubmission.HouseholdMember;
import uk.frontdoor.triage.api.value.ContactSubmission.Referrer;
import uk.frontdoor.triage.api.value.ContactSubmission.Sex;

/**
 * Builds the {@link ContactSubmission} from a tree that passed every check, in the service's stored forms:
 * NHS numbers as ten digits, postcodes upper case with one space. JSON null and an absent field both become
 * null (or an empty list). Checks nothing: run only on a clean tree.
 */
final class SubmissionMapper {

    private SubmissionMapper() {
    }

    static ContactSubmission submission(JsonNode root) {
        return new ContactSubmission(
                text(root, "submissionId"),
                text(root, "referralSource"),
                referrer(root.path("referrer")),
                child(root.path("child")),
                list(root.path("household")).stream().map(SubmissionMapper::member).toList(),
                concerns(root.path("concerns")),
                OffsetDateTime.parse(text(root, "awareSince"), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                new Consent(ConsentStatus.valueOf(text(root.path("consent"), "status")), text(root.path("consent"), "reason")),
                root.path("immediateRisk").booleanValue(),
                text(root, "actionsTaken"),
                text(root, "corrects"));
    }

    private static Referrer referrer(JsonNode referrer) {
        if (!referrer.isObject()) {
            return null;
        }
        return new Referrer(text(referrer, "name"), text(referrer, "role"), text(referrer, "agency"),
                text(referrer, "phone"), text(referrer, "email"));
    }

    private static Child child(JsonNode child) {
        String nhsNumber = text(child, "nhsNumber");
        JsonNode interpreter = child.path("interpreterNeeded");
        return new Child(text(child, "givenName"), text(child, "familyName"), date(child, "dateOfBirth"),
                date(child, "expectedDateOfBirth"), Sex.valueOf(text(child, "sex")),
                nhsNumber == null ? null : nhsNumber.replace(" ", ""), address(child.path("address")),
                text(child, "ethnicity"), text(child, "firstLanguage"),
                interpreter.isBoolean() ? interpreter.booleanValue() : null);
    }

    private static Address address(JsonNode address) {
        if (!address.isObject()) {
            return null;
        }
        return new Address(text(address, "line1"), text(address, "line2"), text(address, "town"),
                postcode(text(address, "postcode")));
    }

    /** Upper case with one space before the three-character inward code: "sl11aa" is stored as "SL1 1AA". */
    private static String postcode(String postcode) {
        if (postcode == null) {
            return null;
        }
        String compact = postcode.toUpperCase(Locale.ROOT).replace(" ", "");
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    private static HouseholdMember member(JsonNode member) {
        return new HouseholdMember(text(member, "givenName"), text(member, "familyName"),
                text(member, "relationship"), date(member, "dateOfBirth"));
    }

    private static Concerns concerns(JsonNode concerns) {
        return new Concerns(list(concerns.path("factors")).stream().map(JsonNode::textValue).toList(),
                list(concerns.path("indicators")).stream().map(JsonNode::textValue).toList(),
                text(concerns, "narrative"));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static LocalDate date(JsonNode object, String field) {
        String text = text(object, field);
        return text == null ? null : LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>(array.size());
        if (array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }
}
