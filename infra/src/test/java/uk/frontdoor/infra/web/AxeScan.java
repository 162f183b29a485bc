package uk.frontdoor.infra.web;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core's WCAG 2.2 AA rules, run on the page the browser shows: the pages' tests' accessibility scan. */
final class AxeScan {

    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private AxeScan() {
    }

    /** Scans the page shown now and adds each violation, named with the page and where, to {@code violations}. */
    static void scan(WebDriver driver, String page, List<String> violations) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        assertThat(results.isErrored()).as(page + ": axe-core ran").isFalse();
        assertThat(results.getPasses()).as(page + ": rules checked").isNotEmpty();
        for (Rule rule : results.getViolations()) {
            String where = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            violations.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at " + where);
        }
    }
}
