package uk.frontdoor.matching;

import java.util.List;

/**
 * One known child's score against the contact.
 *
 * @param score       the match weight: the prior's weight plus every field's weight, in bits
 * @param probability the match probability the score stands for
 * @param fields      every field, compared or missing, in the order of {@link Field}
 * @param vetoedBy    the fields whose level stops this being a confident match whatever the score (see
 *                    {@link MatchParameters#vetoes()}); empty when nothing does
 */
public record MatchScore(String childId, double score, double probability, List<FieldResult> fields,
                         List<FieldResult> vetoedBy) {

    public MatchScore {
        fields = List.copyOf(fields);
        vetoedBy = List.copyOf(vetoedBy);
    }

    public List<FieldResult> agreeing() {
        return fields.stream().filter(FieldResult::agrees).toList();
    }

    public List<FieldResult> disagreeing() {
        return fields.stream().filter(FieldResult::disagrees).toList();
    }

    public FieldResult field(Field field) {
        return fields.stream().filter(f -> f.field() == field).findFirst()
                .orElse(new FieldResult(field, null, 0));
    }

    /** One line per compared field, for the record. */
    public List<String> explanation() {
        return fields.stream().filter(f -> !f.missing()).map(FieldResult::describe).toList();
    }
}
