package uk.frontdoor.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns missing and return reports into missing episodes. A child's going missing and the report of
 * their return are one episode, not two: the DfE's guidance on children who run away or go missing
 * from home or care counts episodes, and police send a report when a child goes missing and another
 * when they come back. Counting reports would trip the repeat-missing review after two episodes.
 *
 * <ul>
 *   <li>A missing report opens an episode, unless one is already open and began less than
 *       {@link #SAME_EPISODE} ago with no return reported: a further report then updates that episode.</li>
 *   <li>A return report closes the open episode. With none open it is an episode of its own (the
 *       front door first heard of it on the child's return).</li>
 *   <li>A report of both (went missing and is back) is a whole episode; it closes an open one as its
 *       return.</li>
 *   <li>Census factor 10A (going missing) without either indicator reads as a missing report.</li>
 * </ul>
 */
public final class MissingEpisodes {

    /** Reports of a child still missing this close to the episode's start are updates of that episode. */
    public static final Duration SAME_EPISODE = Duration.ofDays(7);

    static final String MISSING = "MISSING";
    static final String RETURNED = "RETURNED_FROM_MISSING";
    static final String GOING_MISSING_FACTOR = "10A";

    private enum Report { WENT_MISSING, RETURNED, WHOLE_EPISODE }

    private MissingEpisodes() {
    }

    /**
     * The starts of the child's missing episodes before the current contact, leaving out the episode
     * the current contact itself reports (its return, or an update while the child is still missing).
     */
    public static List<Instant> before(List<PriorContact> prior, ContactFacts current) {
        List<Instant> episodes = new ArrayList<>();
        Instant open = null;
        for (PriorContact contact : prior.stream().sorted(Comparator.comparing(PriorContact::receivedAt)).toList()) {
            if (!contact.receivedAt().isBefore(current.receivedAt())) {
                continue;
            }
            Report report = report(contact.indicators(), contact.factors());
            if (report == null) {
                continue;
            }
            switch (report) {
                case WENT_MISSING -> {
                    if (!updates(open, contact.receivedAt())) {
                        open = contact.receivedAt();
                        episodes.add(open);
                    }
                }
                case RETURNED, WHOLE_EPISODE -> {
                    if (open == null) {
                        episodes.add(contact.receivedAt());
                    }
                    open = null;
                }
            }
        }
        Report now = report(current.indicators(), current.factors());
        boolean belongsToOpenEpisode = open != null && now != null
                && (now != Report.WENT_MISSING || updates(open, current.receivedAt()));
        if (belongsToOpenEpisode) {
            episodes.remove(open);
        }
        return List.copyOf(episodes);
    }

    private static boolean updates(Instant open, Instant at) {
        return open != null && Duration.between(open, at).compareTo(SAME_EPISODE) < 0;
    }

    private static Report report(Set<String> indicators, Set<String> factors) {
        boolean missing = indicators.contains(MISSING);
        boolean returned = indicators.contains(RETURNED);
        if (missing && returned) {
            return Report.WHOLE_EPISODE;
        }
        if (returned) {
            return Report.RETURNED;
        }
        if (missing || factors.contains(GOING_MISSING_FACTOR)) {
            return Report.WENT_MISSING;
        }
        return null;
    }
}
