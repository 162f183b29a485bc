package uk.frontdoor.rules;

/**
 * A rule-set file could not be loaded. The message names the file, the rule (when the problem is in one) and the
 * error. Nothing is loaded from a file that fails: there is never half a rule set.
 */
public class RuleSetLoadException extends RuntimeException {

    private final String file;
    private final String ruleId;
    private final String error;

    public RuleSetLoadException(String file, String ruleId, String error) {
        this(file, ruleId, error, null);
    }

    public RuleSetLoadException(String file, String ruleId, String error, Throwable cause) {
        super(format(file, ruleId, error), cause);
        this.file = file;
        this.ruleId = ruleId;
        this.error = error;
    }

    private static String format(String file, String ruleId, String error) {
        return "Rule set file '" + file + "'" + (ruleId == null ? "" : ", rule '" + ruleId + "'") + ": " + error;
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The rule id, or {@code null} when the problem is not in one rule. */
    public String ruleId() {
        return ruleId;
    }

    /** The error alone. */
    public String error() {
        return error;
    }
}
