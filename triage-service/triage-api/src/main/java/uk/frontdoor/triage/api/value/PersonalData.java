package uk.frontdoor.triage.api.value;

/**
 * What a {@link Personal} text reads as once its child's data key has been destroyed (the child was erased).
 * Readers of events (projections, replays) need no special case to keep working; one that shows a record
 * can ask {@link #isErased(String)} to say so in words.
 */
public final class PersonalData {

    /** Stands in for each personal text of an erased child. */
    public static final String ERASED = "[erased]";

    private PersonalData() {
    }

    public static boolean isErased(String text) {
        return ERASED.equals(text);
    }
}
