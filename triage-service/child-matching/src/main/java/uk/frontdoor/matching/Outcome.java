package uk.frontdoor.matching;

/** What matching decided for a contact's child. */
public enum Outcome {
    /** The score of one known child reached the confident threshold, and no other's did: join that child. */
    CONFIDENT,
    /** Some scores reached the possible threshold: a new record, with these possible matches for a person. */
    POSSIBLE,
    /** No known child came near: a new child. */
    NONE
}
