package uk.frontdoor.triage.dataprotection;

import javax.crypto.SecretKey;

/**
 * One child's data key, unwrapped, held only in memory. Its {@link #toString()} names the child, never the key,
 * so it cannot reach a log by accident.
 */
public final class DataKey {

    private final String childId;
    private final SecretKey key;

    DataKey(String childId, SecretKey key) {
        this.childId = childId;
        this.key = key;
    }

    public String childId() {
        return childId;
    }

    SecretKey secret() {
        return key;
    }

    @Override
    public String toString() {
        return "DataKey[child " + childId + "]";
    }
}
