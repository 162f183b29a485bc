package uk.frontdoor.triage.api.value;

/**
 * How a strategy action's clock ({@code ClockStarted.reference}) names the action: the discussion and the action's
 * number in its record (1, 2 …). The child's stream writes it and read models find the action's clock by it, so it is
 * stored text: never change it.
 */
public final class StrategyActionReference {

    private StrategyActionReference() {
    }

    public static String of(String discussionId, int action) {
        return discussionId + "#" + action;
    }
}
