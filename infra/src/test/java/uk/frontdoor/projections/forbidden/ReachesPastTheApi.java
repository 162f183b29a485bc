package uk.frontdoor.projections.forbidden;

import uk.frontdoor.triage.child.Child;

/**
 * A read-side class that reaches into the write side's aggregate instead of its published API: the
 * forbidden import {@link uk.frontdoor.infra.architecture.ModuleBoundariesTest} must catch. Test
 * sources only; never imported with the production classes.
 */
public class ReachesPastTheApi {

    public Class<?> aggregate() {
        return Child.class;
    }
}
