package uk.frontdoor.triage.child;

/**
 * The payload of a clock's deadline, stored by the deadline manager until it falls due. Public and
 * plain so that it serialises to JSON in the scheduler's table and reads back after a restart.
 */
public record ClockDeadline(String clockId, Stage stage) {

    /** The one deadline name the child's clocks use. */
    public static final String NAME = "child-clock";

    public enum Stage {
        WARNING, BREACH
    }
}
