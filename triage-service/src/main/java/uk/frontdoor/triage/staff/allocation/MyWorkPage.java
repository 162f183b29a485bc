package uk.frontdoor.triage.staff.allocation;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.frontdoor.triage.staff.StaffDesk;
import uk.frontdoor.triage.staff.pages.StaffPage;

/** "My work": the contacts and strategy discussions a manager allocated to the worker signed in, newest first. */
@Controller
@StaffPage
class MyWorkPage {

    private final StaffDesk desk;
    private final WorkAllocations work;

    MyWorkPage(StaffDesk desk, WorkAllocations work) {
        this.desk = desk;
        this.work = work;
    }

    @GetMapping("/my-work")
    String myWork(Authentication who, Model model) {
        model.addAttribute("items", work.of(desk.actor(who)));
        model.addAttribute("limit", WorkAllocations.LIMIT);
        return "my-work";
    }
}
