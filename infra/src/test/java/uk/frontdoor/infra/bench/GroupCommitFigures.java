package uk.frontdoor.infra.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The HTTP intake's group commit between two moments of a benchmark: how many groups, how many contacts
 * a group, how long a group took, and how long a contact waited for its group ({@code frontdoor.intake.group.*}).
 */
record GroupCommitFigures(long groups, double contacts, double seconds, double waited) {

    static GroupCommitFigures from(MeterRegistry meters) {
        DistributionSummary size = meters.find("frontdoor.intake.group.contacts").summary();
        Timer time = meters.find("frontdoor.intake.group.commit").timer();
        Timer wait = meters.find("frontdoor.intake.group.wait").timer();
        return size == null || time == null ? new GroupCommitFigures(0, 0, 0, 0)
                : new GroupCommitFigures(size.count(), size.totalAmount(), time.totalTime(TimeUnit.SECONDS),
                wait == null ? 0 : wait.totalTime(TimeUnit.SECONDS));
    }

    /** The figures of the groups stored since {@code before}, in words. */
    String since(GroupCommitFigures before) {
        long n = groups - before.groups;
        double stored = contacts - before.contacts;
        double busy = seconds - before.seconds;
        return n == 0 ? "group commit: no groups" : String.format(
                "group commit: %,d groups, %.1f contacts a group, %.1f ms a group (%.2f ms a contact), committer busy %.1f s;"
                        + " a contact waited %.1f ms on average for its group to be taken",
                n, stored / n, 1000 * busy / n, 1000 * busy / stored, busy, 1000 * (waited - before.waited) / stored);
    }
}
