package uk.frontdoor.triage.staff.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The categories a worker filters the queue by: the DfE Children in Need census assessment-factor
 * groups (domestic abuse is 3A, 3B and 3C, and so on), the vocabulary partners already send.
 */
public enum ConcernCategory {
    ALCOHOL("Alcohol misuse", "1A", "1B", "1C"),
    DRUGS("Drug misuse", "2A", "2B", "2C"),
    DOMESTIC_ABUSE("Domestic abuse", "3A", "3B", "3C"),
    MENTAL_HEALTH("Mental health", "4A", "4B", "4C"),
    LEARNING_DISABILITY("Learning disability", "5A", "5B", "5C"),
    PHYSICAL_DISABILITY("Physical disability or illness", "6A", "6B", "6C"),
    YOUNG_CARER("Young carer", "7A"),
    PRIVATE_FOSTERING("Private fostering", "8B", "8C", "8D", "8E", "8F"),
    UNACCOMPANIED_ASYLUM_SEEKING("Unaccompanied asylum-seeking child", "9A"),
    MISSING("Going or being missing", "10A"),
    SEXUAL_EXPLOITATION("Child sexual exploitation", "11A"),
    TRAFFICKING("Trafficking", "12A"),
    GANGS("Gangs", "13A"),
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR("Socially unacceptable behaviour", "14A"),
    SELF_HARM("Self-harm", "15A"),
    NEGLECT("Neglect", "16A"),
    EMOTIONAL_ABUSE("Emotional abuse", "17A"),
    PHYSICAL_ABUSE("Physical abuse", "18B", "18C"),
    SEXUAL_ABUSE("Sexual abuse", "19B", "19C"),
    OTHER("Other", "20"),
    NO_FACTORS("No factors identified", "21"),
    FGM("Female genital mutilation", "22A"),
    FAITH_OR_BELIEF("Abuse linked to faith or belief", "23A"),
    CRIMINAL_EXPLOITATION("Child criminal exploitation", "24A");

    private final String label;
    private final List<String> factors;

    ConcernCategory(String label, String... factors) {
        this.label = label;
        this.factors = List.of(factors);
    }

    public String label() {
        return label;
    }

    /** The census codes in this category. */
    public List<String> factors() {
        return factors;
    }

    public static Optional<ConcernCategory> of(String name) {
        return Arrays.stream(values()).filter(category -> category.name().equals(name)).findFirst();
    }

    /** The categories a contact's factors fall in, in census order, each once. */
    public static List<ConcernCategory> of(List<String> factors) {
        return Arrays.stream(values()).filter(category -> factors.stream().anyMatch(category.factors::contains))
                .toList();
    }
}
