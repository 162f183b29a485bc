package uk.frontdoor.infra.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;

/**
 * Who is told what by email. Addresses only: the emails carry references and links into the service, never a
 * child's details, so that an email sent to the wrong place or read on a phone gives nothing away.
 *
 * @param from         the sender address
 * @param serviceUrl   where the service's pages are, for the links in each email
 * @param dutyManagers who hears of every breach (a team mailbox, as a MASH's duty desk has)
 * @param staff        each member of staff's address, by sign-in name, for the work allocated to them
 * @param agencies     each partner agency's address, by agency code, for the information requests sent to it
 * @param emergencyDuty who hears at once of each contact that goes to the out-of-hours queue (the emergency duty
 *                      team's on-call mailbox or phone gateway): at night nobody watches the queue
 * @param templates    the wording of each email, GOV.UK Notify style, to override the service's own
 *                     ({@code notifications/templates.properties})
 */
@ConfigurationProperties("frontdoor.notifications")
public record NotificationProperties(
        @DefaultValue("front-door@localhost") String from,
        @DefaultValue("http://localhost:8080") String serviceUrl,
        @DefaultValue List<String> dutyManagers,
        @DefaultValue Map<String, String> staff,
        @DefaultValue Map<String, String> agencies,
        @DefaultValue Map<String, String> templates,
        @DefaultValue List<String> emergencyDuty) {

    public NotificationProperties {
        serviceUrl = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
        dutyManagers = List.copyOf(dutyManagers);
        staff = Map.copyOf(staff);
        agencies = Map.copyOf(agencies);
        templates = Map.copyOf(templates);
        emergencyDuty = List.copyOf(emergencyDuty);
    }
}
