package uk.frontdoor.triage.staff.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders GOV.UK staff pages, wherever it lives (a screen's package here, the
 * sign-in and operations pages in the runtime): its pages get the layout's model ({@link StaffPages})
 * and its errors are shown as pages ({@link PageErrors}), not as the API's problem JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StaffPage {
}
