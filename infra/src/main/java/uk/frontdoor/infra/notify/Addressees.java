package uk.frontdoor.infra.notify;

import java.util.List;
import java.util.Map;

/**
 * Who an email is for, as the settings name them ({@link NotificationProperties}), and the addresses the settings
 * give them now. An email keeps its addressee in the outbox ({@code addressed_to}, V68), so that sending a given-up
 * email again reaches the address a system manager has since corrected, not the one it was queued with.
 *
 * <p>An addressee is {@code duty-managers}, {@code emergency-duty}, {@code staff:<sign-in name>} or
 * {@code agency:<agency code>}.
 */
final class Addressees {

    static final String DUTY_MANAGERS = "duty-managers";
    static final String EMERGENCY_DUTY = "emergency-duty";
    private static final String STAFF = "staff:";
    private static final String AGENCY = "agency:";

    private final NotificationProperties settings;

    Addressees(NotificationProperties settings) {
        this.settings = settings;
    }

    static String staff(String signInName) {
        return STAFF + signInName;
    }

    static String agency(String agencyCode) {
        return AGENCY + agencyCode;
    }

    /** The addresses the settings give this addressee now; none when they give none (or it is not one of ours). */
    List<String> addressesOf(String addressee) {
        if (DUTY_MANAGERS.equals(addressee)) {
            return settings.dutyManagers();
        }
        if (EMERGENCY_DUTY.equals(addressee)) {
            return settings.emergencyDuty();
        }
        if (addressee.startsWith(STAFF)) {
            return one(settings.staff(), addressee.substring(STAFF.length()));
        }
        if (addressee.startsWith(AGENCY)) {
            return one(settings.agencies(), addressee.substring(AGENCY.length()));
        }
        return List.of();
    }

    private static List<String> one(Map<String, String> addresses, String who) {
        String address = addresses.get(who);
        return address == null || address.isBlank() ? List.of() : List.of(address);
    }
}
