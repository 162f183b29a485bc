package uk.frontdoor.triage.api.value;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * What a {@link Personal} text reads as once its child's data key has been destroyed (the child was erased).
 * Readers of events (projections, replays) need no special case to keep working; one that shows a record
 * can ask {@link #isErased(String)} to say so in words.
 */
public final class PersonalData {

    /** Stands in for each personal text of an erased child. */
    public static final String ERASED = "[erased]";

    /** Stands in for each personal component in a record's {@code toString}. */
    public static final String WITHHELD = "[personal data withheld]";

    private PersonalData() {
    }

    public static boolean isErased(String text) {
        return ERASED.equals(text);
    }

    /**
     * A record's {@code toString} in the usual form, {@code Name[a=1, b=2]}, with each {@link Personal} component
     * shown as {@link #WITHHELD}. Every record with a personal component returns this from its own
     * {@code toString}: Axon prints a message's payload in its {@code toString}, so a failing assertion, a debug
     * line or an exception that names a message would otherwise print a child's details in plain text.
     */
    public static String withheld(Record record) {
        StringJoiner shown = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            shown.add(component.getName() + "=" + (component.isAnnotationPresent(Personal.class)
                    ? WITHHELD : String.valueOf(valueOf(component, record))));
        }
        return shown.toString();
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "?";
        }
    }
}
