package uk.frontdoor.infra.operations;

/** A rebuild that cannot be done, with a code for the problem type. Messages name projections only. */
public class ProjectionAdminException extends RuntimeException {

    public enum Reason {
        UNKNOWN_PROJECTION("unknown-projection", 404, "No such projection"),
        ALREADY_REBUILDING("already-rebuilding", 409, "Already rebuilding"),
        RESET_NOT_SUPPORTED("reset-not-supported", 409, "This projection cannot be rebuilt");

        private final String code;
        private final int httpStatus;
        private final String title;

        Reason(String code, int httpStatus, String title) {
            this.code = code;
            this.httpStatus = httpStatus;
            this.title = title;
        }

        public String code() {
            return code;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String title() {
            return title;
        }
    }

    private final Reason reason;

    public ProjectionAdminException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static ProjectionAdminException unknown(String name) {
        return new ProjectionAdminException(Reason.UNKNOWN_PROJECTION, "There is no projection called "
                + quoted(name) + ".");
    }

    /**
     * A name as someone typed it goes into a message only if it looks like a processor name: whatever
     * else was typed (a child's name pasted by mistake) stays out of problems and logs.
     */
    public static String quoted(String name) {
        return name != null && name.matches("[A-Za-z0-9._-]{1,64}") ? "'" + name + "'" : "by that name";
    }

    public Reason reason() {
        return reason;
    }
}
