package uk.frontdoor.triage.staff.queue;

import uk.frontdoor.triage.api.staff.ViewLog;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.ConcernCategory;
import uk.frontdoor.triage.staff.pages.ContactIds;
import uk.frontdoor.triage.staff.pages.FormErrors;
import uk.frontdoor.triage.staff.pages.Notices;
import uk.frontdoor.triage.staff.pages.Pagination;
import uk.frontdoor.triage.staff.pages.RefusalMessages;
import uk.frontdoor.triage.staff.pages.StaffPage;
import uk.frontdoor.triage.staff.pages.TimeLeft;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.query.FindWaitingContacts;
import uk.frontdoor.triage.api.query.QueueCursor;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.TriageQueue;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.query.WaitingContacts;
import uk.frontdoor.triage.access.Placeholders;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The first-contact social workers' queue: contacts waiting, most urgent first, how many of each RAG
 * rating, how long each has left, filters, and claim in one click. Filters are GET parameters made
 * of codes and ids only, so a filtered queue can be bookmarked without any personal data in the URL.
 */
@Controller
@StaffPage
class QueuePage {

    /** One page is what a worker scans; the pages after it hold the rest. */
    static final int PAGE_SIZE = 100;

    /**
     * From this page on, the previous and next links find their page by a cursor (after the last contact shown, or
     * before the first) instead of skipping the contacts before it: skipping the first 1,000 costs well under a
     * millisecond (docs/benchmarks.md), page 1,000 of 50 cost 22 ms, and a plain page number is the address to share.
     */
    static final int CURSOR_FROM_PAGE = 11;

    private final StaffDesk desk;
    private final ViewLog views;
    private final Clock clock;

    private final Placeholders placeholders;

    QueuePage(StaffDesk desk, ViewLog views, Clock clock, Placeholders placeholders) {
        this.placeholders = placeholders;
        this.desk = desk;
        this.views = views;
        this.clock = clock;
    }

    /** The filters a worker chose; each is a code, or null for "any". */
    record Filters(Priority rag, String agency, ConcernCategory category, Show show) {

        enum Show { ALL, MINE, UNCLAIMED }

        static Filters of(String rag, String agency, String category, String show) {
            return new Filters(
                    Arrays.stream(Priority.values()).filter(p -> p.name().equals(rag)).findFirst().orElse(null),
                    agency == null || agency.isBlank() ? null : agency,
                    ConcernCategory.of(category).orElse(null),
                    Arrays.stream(Show.values()).filter(s -> s.name().equals(show)).findFirst().orElse(Show.ALL));
        }

        FindWaitingContacts query(Actor me) {
            return query(me, 1);
        }

        FindWaitingContacts query(Actor me, int page) {
            return new FindWaitingContacts(rag, agency == null ? null : AgencyCode.of(agency),
                    category == null ? Set.of() : Set.copyOf(category.factors()),
                    show == Show.MINE ? me.userId() : null, show == Show.UNCLAIMED, PAGE_SIZE,
                    (long) (page - 1) * PAGE_SIZE);
        }

        /** A page found by a cursor: just after {@code after}, or just before {@code before} (one of them, or none). */
        FindWaitingContacts query(Actor me, int page, QueueCursor after, QueueCursor before) {
            return query(me, page).at(after, before);
        }

        public boolean any() {
            return rag != null || agency != null || category != null || show != Show.ALL;
        }

        /** The queue's address with these filters, to come back to after a claim is refused. */
        public String url() {
            return url(1);
        }

        /** A page of the queue with these filters (the first page's address has no page number). */
        public String url(long page) {
            return url(page, null, null);
        }

        /** A page with these filters, found by a cursor: {@code side} is "after" or "before". */
        String url(long page, String side, QueueCursor cursor) {
            var url = UriComponentsBuilder.fromPath("/queue");
            if (rag != null) {
                url.queryParam("rag", rag.name());
            }
            if (agency != null) {
                url.queryParam("agency", agency);
            }
            if (category != null) {
                url.queryParam("category", category.name());
            }
            if (show != Show.ALL) {
                url.queryParam("show", show.name());
            }
            if (page > 1) {
                url.queryParam("page", page);
            }
            if (cursor != null) {
                url.queryParam(side, cursor.encode());
            }
            return url.encode().build().toUriString();
        }
    }

    /** A queue row with its time left worked out from the injected clock. */
    record Row(TriageQueue.Item item, TimeLeft timeLeft, List<ConcernCategory> categories) {
    }

    @GetMapping("/queue")
    String queue(Authentication who, @RequestParam(required = false) String rag,
                 @RequestParam(required = false) String agency, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String show, @RequestParam(required = false) String page,
                 @RequestParam(required = false) String after, @RequestParam(required = false) String before,
                 Model model) {
        Actor me = desk.actor(who);
        Filters filters = Filters.of(rag, agency, category, show);
        int pageNumber = page(page);
        // A cursor that is not one of ours (a hand-edited address) is ignored, as a filter value that is not offered
        // is: the page is then found by its number.
        QueueCursor afterCursor = QueueCursor.decode(after).orElse(null);
        QueueCursor beforeCursor = afterCursor == null ? QueueCursor.decode(before).orElse(null) : null;
        // Narrowed by agency or category, records withheld from the worker are left out, rows and counts; a
        // placeholder listed there would say who sent it or what it is about.
        WaitingContacts found = desk.waiting(filters.query(me, pageNumber, afterCursor, beforeCursor)
                .withholding(placeholders.withheldFrom(me)));
        // Otherwise restricted contacts the worker may not read are listed as placeholders, naming nobody.
        WaitingContacts waiting = new WaitingContacts(placeholders.queue(me, found.items()), found.matching(),
                found.totalWaiting(), found.waitingByPriority(), found.notYetAssessed(), found.agencies());
        // The page names each child: every one shown is recorded as viewed, before the page is sent.
        views.recordAll(waiting.items().stream().filter(item -> !item.restricted())
                .map(item -> new ViewLog.Viewed(item.childId(), item.contactId())).toList(), me, "queue page");
        Instant now = clock.instant();
        List<Row> rows = waiting.items().stream()
                .map(item -> new Row(item, item.responseDueAt() == null ? null : TimeLeft.until(item.responseDueAt(), now),
                        ConcernCategory.of(item.factors())))
                .toList();
        model.addAttribute("filters", filters);
        model.addAttribute("waiting", waiting);
        model.addAttribute("rows", rows);
        Pagination pagination = Pagination.of(pageNumber, PAGE_SIZE, waiting.matching(), rows.size(),
                filters.any() ? "matching contacts" : "contacts", filters::url);
        List<TriageQueue.Item> shown = found.items();
        if (!shown.isEmpty()) {
            // Deep in the queue, the neighbours by cursor: after the last contact shown, before the first.
            pagination = pagination.withNeighbours(
                    pagination.previous() != null && pageNumber - 1 >= CURSOR_FROM_PAGE
                            ? filters.url(pageNumber - 1, "before", QueueCursor.of(shown.get(0))) : null,
                    pagination.next() != null && pageNumber + 1 >= CURSOR_FROM_PAGE
                            ? filters.url(pageNumber + 1, "after", QueueCursor.of(shown.get(shown.size() - 1))) : null);
        }
        model.addAttribute("pagination", pagination);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", ConcernCategory.values());
        return "queue";
    }

    /**
     * The page number asked for; anything else (a hand-edited address) is the first page, as a filter
     * value that is not offered means "any".
     */
    static int page(String page) {
        String text = page == null ? "" : page.strip();
        return text.matches("[0-9]{1,5}") && Integer.parseInt(text) >= 1 ? Integer.parseInt(text) : 1;
    }

    /** Claim in one click: the contact opens in the worker's hands, or the queue explains why not. */
    @PostMapping("/queue/claim")
    String claim(Authentication who, @RequestParam String contactId, @RequestParam(required = false) String rag,
                 @RequestParam(required = false) String agency, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String show, @RequestParam(required = false) String page,
                 RedirectAttributes flash) {
        Actor me = desk.actor(who);
        ContactId contact = ContactIds.parse(contactId);
        try {
            desk.send(new ClaimContact(desk.childOf(contact), contact, me));
        } catch (TriageRefusedException refused) {
            flash.addFlashAttribute("errors", new FormErrors("claim")
                    .add("queue-table", RefusalMessages.of(refused)));
            return "redirect:" + Filters.of(rag, agency, category, show).url(page(page));
        }
        boolean visible = desk.awaitVisible(contact, view -> me.userId().equals(view.work().heldBy()));
        flash.addFlashAttribute("success", Notices.done("You have claimed this contact", visible));
        return "redirect:/contacts/" + contact.value();
    }
}
