package uk.frontdoor.rules;

/** A rule whose condition held for a contact, with the plain-English description (and guidance) it carries. */
public record FiredRule(String id, String description) {}
