package uk.frontdoor.rules;

import java.util.Objects;

/** Which rule set (id and version) a decision was made with; every decision records it. */
public record RuleSetRef(String id, String version) {
    public RuleSetRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
