package uk.frontdoor.rules;

/**
 * RAG priority of a contact at the front door (one published scheme: Surrey MASH).
 * Declared from most to least urgent, so {@link #isMoreUrgentThan} is an ordinal comparison.
 */
public enum Priority {
    /** Act within hours: red. */
    RED,
    /** Act within a working day: amber. */
    AMBER,
    /** Act within three working days: green. */
    GREEN,
    /** No MASH action. */
    BLUE;

    public boolean isMoreUrgentThan(Priority other) {
        return other == null || ordinal() < other.ordinal();
    }

    /** The priority a level implies when no fired rule set one (4 RED, 3 AMBER, 2 GREEN, 1 BLUE). */
    public static Priority defaultForLevel(int level) {
        return switch (level) {
            case 4 -> RED;
            case 3 -> AMBER;
            case 2 -> GREEN;
            case 1 -> BLUE;
            default -> throw new IllegalArgumentException("level must be 1 to 4, was " + level);
        };
    }
}
