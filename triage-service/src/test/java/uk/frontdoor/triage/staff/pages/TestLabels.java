package uk.frontdoor.triage.staff.pages;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The pages' words as the service has them ({@code messages.properties}), for tests without Spring. */
public final class TestLabels {

    private TestLabels() {
    }

    public static Labels labels() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return new Labels(messages);
    }
}
