package uk.frontdoor.triage.staff.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.util.UUID;

/**
 * Ids from page addresses and forms. Only a well-formed UUID is passed on; anything else is a page
 * that does not exist (404), and the text typed is never echoed back.
 */
public final class ContactIds {

    private ContactIds() {
    }

    public static ContactId parse(String value) {
        return ContactId.of(uuid(value));
    }

    public static ChildId child(String value) {
        return ChildId.of(uuid(value));
    }

    public static boolean valid(String value) {
        try {
            uuid(value);
            return true;
        } catch (ResponseStatusException notAnId) {
            return false;
        }
    }

    private static String uuid(String value) {
        try {
            String trimmed = value == null ? "" : value.trim();
            UUID parsed = UUID.fromString(trimmed);
            // UUID.fromString accepts short forms such as 1-1-1-1-1; ids are always written in full.
            if (!parsed.toString().equalsIgnoreCase(trimmed)) {
                throw new IllegalArgumentException();
            }
            return parsed.toString();
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
