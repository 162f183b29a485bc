package uk.frontdoor.rules;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Structured indicators a partner or screener can attach to a contact, on top of the DfE census factors.
 * Partners send them as strings (the constant names). The engine ignores strings it does not know; intake should
 * reject them with {@link #isKnown(String)}.
 *
 * <p>Exploitation indicators follow the three-level screening tool: {@code EXPL_LOW_*} are vulnerabilities (low:
 * any one), {@code EXPL_MED_*} medium indicators (medium: two or more), {@code EXPL_HIGH_*} high indicators (high:
 * any one). Rule conditions see the counts as {@code contact.exploitationLow/Medium/High}.
 */
public enum Indicator {
    // Domestic abuse
    /** A child was present (saw or heard) at a domestic abuse incident. */
    CHILD_PRESENT,
    /** A child was injured in the incident. */
    CHILD_INJURED,
    /** Not the first domestic abuse incident in this household. */
    REPEAT_INCIDENT,
    /** The victim of domestic abuse is pregnant. */
    PREGNANCY,
    /** A weapon was used or threatened. */
    WEAPON_USED,
    /** Non-fatal strangulation or suffocation (an offence since 2022; a high-risk marker). */
    NON_FATAL_STRANGULATION,
    /** The person harming the child is another child (child-on-child abuse). */
    ABUSER_IS_CHILD,

    // Parents and carers
    /** A parent or carer misuses drugs or alcohol. */
    SUBSTANCE_MISUSE_PARENT,
    /** A parent or carer has mental ill health affecting their parenting. */
    MENTAL_HEALTH_PARENT,

    // Abuse and neglect
    /** The child has disclosed sexual abuse. */
    SEXUAL_ABUSE_DISCLOSURE,
    /** An injury thought to be non-accidental. */
    PHYSICAL_INJURY_NON_ACCIDENTAL,
    /** Severe neglect: basic needs persistently unmet to the point of significant harm. */
    NEGLECT_SEVERE,
    /** The child is under one year old (also derived from age 0). */
    INFANT_UNDER_ONE,
    /** Any bruising or injury to a child who is not yet mobile (a "non-mobile baby" protocol trigger). */
    NON_MOBILE_INJURY,

    // Exploitation: low = vulnerabilities
    /** Low: general vulnerability to sexual exploitation (kept for partners using the older single code). */
    CSE_VULNERABILITY,
    /** Low: the child has been in care or is care-experienced. */
    EXPL_LOW_LOOKED_AFTER,
    /** Low: history of abuse or neglect. */
    EXPL_LOW_PRIOR_ABUSE,
    /** Low: learning difficulty or disability. */
    EXPL_LOW_LEARNING_DIFFICULTY,
    /** Low: isolated from family or peers. */
    EXPL_LOW_ISOLATED,
    /** Low: not in education, employment or training. */
    EXPL_LOW_NOT_IN_EDUCATION,
    // Exploitation: medium
    /** Medium: going missing, especially overnight. */
    EXPL_MED_GOING_MISSING,
    /** Medium: associating with older people or people of concern. */
    EXPL_MED_OLDER_ASSOCIATES,
    /** Medium: unexplained money, phones, clothes or gifts. */
    EXPL_MED_UNEXPLAINED_GIFTS,
    /** Medium: excluded from or not attending school. */
    EXPL_MED_SCHOOL_EXCLUSION,
    /** Medium: substance misuse by the child. */
    EXPL_MED_SUBSTANCE_MISUSE,
    /** Medium: sexually transmitted infection or repeat sexual-health visits. */
    EXPL_MED_SEXUAL_HEALTH,
    /** Medium: found in areas known for exploitation, or far from home. */
    EXPL_MED_FOUND_OUT_OF_AREA,
    // Exploitation: high
    /** High: sexual activity with an adult. */
    EXPL_HIGH_SEXUAL_ACTIVITY_WITH_ADULT,
    /** High: carrying or dealing drugs for others (county lines). */
    EXPL_HIGH_DRUG_RUNNING,
    /** High: moved or held for exploitation. */
    EXPL_HIGH_TRAFFICKED,
    /** High: carrying a weapon for others, or seriously assaulted. */
    EXPL_HIGH_WEAPON_OR_SERIOUS_VIOLENCE,

    // Missing
    /** Missing: whereabouts unknown. */
    MISSING,
    /** Absent: whereabouts known, but not where expected to be (not a missing episode). */
    ABSENT,
    /** The child has returned from a missing episode (a return home interview is due within 72 hours). */
    RETURNED_FROM_MISSING,

    // Specific harms
    /** FGM known to have been carried out on the child. */
    FGM_KNOWN,
    /** The child is at risk of FGM. */
    FGM_RISK,
    /** The child's mother has undergone FGM (links to daughters and unborn children). */
    MATERNAL_FGM,
    /** Concern about radicalisation (Prevent / Channel). */
    RADICALISATION,
    /** Abuse linked to faith or belief (e.g. witchcraft, spirit possession). */
    FAITH_LINKED_ABUSE,
    /** The child lives in a private fostering arrangement (28 days or more with a non-relative). */
    PRIVATE_FOSTERING,
    /** The young person is homeless or at risk of homelessness. */
    HOMELESS,
    /** An allegation against someone who works or volunteers with children. */
    ALLEGATION_AGAINST_PROFESSIONAL,
    /** The child is disabled. */
    DISABILITY,
    /** The child cares for a family member. */
    YOUNG_CARER,
    /** An unaccompanied asylum-seeking child. */
    UNACCOMPANIED_ASYLUM_SEEKER,
    /** The child may have been trafficked (including national referral mechanism cases). */
    TRAFFICKING,
    /** Forced marriage concern. */
    FORCED_MARRIAGE;

    private static final Set<String> NAMES =
            Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** Whether a string is one of the indicator names; for intake validation. */
    public static boolean isKnown(String code) {
        return code != null && NAMES.contains(code);
    }

    /** The names of all indicators. */
    public static Set<String> names() {
        return NAMES;
    }
}
