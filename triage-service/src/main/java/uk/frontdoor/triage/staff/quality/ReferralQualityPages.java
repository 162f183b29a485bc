package uk.frontdoor.triage.staff.quality;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import uk.frontdoor.triage.api.query.AgencyReferralQuality;
import uk.frontdoor.triage.api.query.FindAgencyReferralQuality;
import uk.frontdoor.triage.api.query.FindReferralQualityOfKind;
import uk.frontdoor.triage.api.query.FindReferralScorecard;
import uk.frontdoor.triage.api.query.PerformanceReport.Ratio;
import uk.frontdoor.triage.api.query.ReferralScorecard;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;
import uk.frontdoor.triage.child.reception.ReferralStandard;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.StaffPage;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How referrals fared, as pages: seconded partner staff see their own kind of agency's months (a police researcher
 * the police's referrals, never health's), or, when they belong to one referring organisation (a school's designated
 * safeguarding lead), that organisation's own months, as its system reads them over the partner API; managers every
 * agency side by side (the multi-agency scorecard). Counts
 * and shares only, never a child; gaps in the referral standard's own words. Months in the address, nothing else.
 */
@Controller
@StaffPage
class ReferralQualityPages {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final StaffDesk desk;
    private final QueryGateway queries;
    private final Clock clock;
    private final ReferralStandard standard;

    ReferralQualityPages(StaffDesk desk, QueryGateway queries, Clock clock, ReferralStandard standard) {
        this.desk = desk;
        this.queries = queries;
        this.clock = clock;
        this.standard = standard;
    }

    /** A month's figures, written as the page shows them. */
    record MonthRow(String month, long contacts, String averageCompleteness, String complete, String neededFollowUp,
                    String noFurtherAction, String earlyHelp, String becameReferrals, String reReferrals) {
    }

    /** An element of the standard and how often the referrals lacked it. */
    record GapRow(String element, String words, String lacking) {
    }

    /** One agency's row of the scorecard. */
    record AgencyRow(String agency, String kind, long contacts, String averageCompleteness, String complete,
                     List<GapRow> commonGaps, String neededFollowUp, String noFurtherAction, String earlyHelp,
                     String becameReferrals, String reReferrals) {
    }

    @GetMapping("/referral-quality")
    String own(Authentication who, @RequestParam(required = false) String from,
               @RequestParam(required = false) String to, Model model) {
        Actor me = desk.actor(who);
        if (!me.role().may(StaffPermission.SEE_OWN_AGENCY_REFERRALS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Optional<ReferralSourceGroup> kind = kindOf(me.agency());
        Optional<String> referrer = desk.referringAgency(who);
        model.addAttribute("agency", me.agency());
        model.addAttribute("kind", kind.map(ReferralSourceGroup::label).orElse(null));
        model.addAttribute("referrer", referrer.orElse(null));
        MonthPeriod period = period(from, to, model);
        if (period == null || (kind.isEmpty() && referrer.isEmpty())) {
            return "referral-quality";
        }
        // One organisation's own figures when they belong to one, else their whole kind of agency's.
        AgencyReferralQuality figures = referrer.isPresent()
                ? queries.query(new FindAgencyReferralQuality(referrer.get(), period.from(), period.to()),
                ResponseTypes.instanceOf(AgencyReferralQuality.class)).join()
                : queries.query(new FindReferralQualityOfKind(kind.get(), period.from(), period.to()),
                ResponseTypes.instanceOf(AgencyReferralQuality.class)).join();
        model.addAttribute("periodText", periodText(period));
        model.addAttribute("months", figures.months().stream().map(month -> new MonthRow(MONTH.format(month.month()),
                month.contacts(), average(month.completeness()), share(month.completeness().complete()),
                share(month.neededFollowUp()), share(month.outcomes().noFurtherAction()),
                share(month.outcomes().earlyHelp()), share(month.becameReferrals()), share(month.reReferrals())))
                .toList());
        model.addAttribute("gaps", gaps(figures.commonGaps()));
        return "referral-quality";
    }

    @GetMapping("/referral-scorecard")
    String scorecard(Authentication who, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, Model model) {
        desk.actor(who);
        MonthPeriod period = period(from, to, model);
        if (period == null) {
            return "referral-scorecard";
        }
        ReferralScorecard scorecard = queries.query(new FindReferralScorecard(period.from(), period.to()),
                ResponseTypes.instanceOf(ReferralScorecard.class)).join();
        model.addAttribute("periodText", periodText(period));
        model.addAttribute("agencies", scorecard.agencies().stream().map(agency -> new AgencyRow(agency.agency(),
                agency.kind() == null ? "" : ReferralSourceGroup.valueOf(agency.kind()).label(), agency.contacts(),
                average(agency.completeness()), share(agency.completeness().complete()), gaps(agency.commonGaps()),
                share(agency.neededFollowUp()), share(agency.outcomes().noFurtherAction()),
                share(agency.outcomes().earlyHelp()), share(agency.becameReferrals()), share(agency.reReferrals())))
                .toList());
        return "referral-scorecard";
    }

    /** The period, or null with the errors on the model (the form shows what was typed back, to correct it). */
    private MonthPeriod period(String from, String to, Model model) {
        MonthPeriod period = MonthPeriod.parse(from, to, clock);
        if (!period.valid()) {
            FormErrors errors = new FormErrors("period");
            period.problems().forEach(problem -> errors.add(problem.field(), problem.message()));
            errors.keep("from", from).keep("to", to);
            model.addAttribute("errors", errors);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            return null;
        }
        model.addAttribute("from", period.from().toString());
        model.addAttribute("to", period.to().toString());
        return period;
    }

    /** The kind of referrer a partner agency's seconded staff stand for: the police's researcher, the police's. */
    static Optional<ReferralSourceGroup> kindOf(String agency) {
        if (agency == null) {
            return Optional.empty();
        }
        String code = agency.toUpperCase(Locale.ROOT);
        return Arrays.stream(ReferralSourceGroup.values())
                .filter(group -> group.partnerCheckAgencies().contains(code))
                .findFirst();
    }

    private List<GapRow> gaps(List<AgencyReferralQuality.GapCount> counts) {
        return counts.stream().map(count -> new GapRow(count.element(), standard.words(count.element()),
                share(count.lacking()))).toList();
    }

    private static String periodText(MonthPeriod period) {
        return period.from().equals(period.to()) ? MONTH.format(period.from())
                : "from " + MONTH.format(period.from()) + " to " + MONTH.format(period.to());
    }

    private static String average(AgencyReferralQuality.Completeness completeness) {
        return completeness.averagePercent() == null ? "No figure" : completeness.averagePercent() + "%";
    }

    /** "3 of 14 (21.4%)"; a share of nothing has no figure rather than 0%. */
    static String share(Ratio ratio) {
        return ratio.percent() == null ? "No figure" : ratio.count() + " of " + ratio.of() + " (" + ratio.percent() + "%)";
    }
}
