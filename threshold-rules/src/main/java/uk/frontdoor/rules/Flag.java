package uk.frontdoor.rules;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Follow-up flags a rule can raise. A rule-set file that names any other flag fails to load. */
public enum Flag {
    /** Reasonable cause to suspect significant harm: convene a strategy discussion (section 47). */
    STRATEGY_DISCUSSION_REQUIRED,
    /** Notify or involve the police (mandatory for FGM; exploitation medium/high). */
    POLICE_NOTIFICATION,
    /** Refer to the designated officer (LADO) within 1 working day. */
    LADO_REFERRAL,
    /** A return home interview is due within 72 hours of return. */
    RETURN_HOME_INTERVIEW_DUE,
    /** Screen for exploitation (repeat missing episodes, low-level indicators). */
    EXPLOITATION_SCREENING,
    /** Exploitation risk medium or high: to the multi-agency exploitation panel. */
    EXPLOITATION_PANEL,
    /** Private fostering: officer visit within 7 working days of notification. */
    PRIVATE_FOSTERING_VISIT,
    /** Route to the disabled children's team. */
    DISABLED_CHILDREN_TEAM,
    /** A referral within 12 months of a previous referral. */
    RE_REFERRAL,
    /** Repeated contacts: accumulating concerns. */
    ACCUMULATING_CONCERNS,
    /** The child has had a child protection plan before. */
    REPEAT_CHILD_PROTECTION_PLAN,
    /** An early help episode is open: tell the lead professional. */
    OPEN_TO_EARLY_HELP,
    /** Already open to social care: pass to the allocated worker. */
    OPEN_TO_SOCIAL_CARE,
    /** Prevent / Channel: restricted visibility. */
    PREVENT_RESTRICTED,
    /** Homeless 16-17 year old: joint housing and children's services assessment. */
    HOUSING_JOINT_ASSESSMENT,
    /** Add to the daily multi-agency domestic abuse triage list. */
    DOMESTIC_ABUSE_TRIAGE,
    /** Consider a referral to MARAC (high-risk domestic abuse). */
    MARAC_CONSIDERATION,
    /** Unborn baby: pre-birth assessment, involve midwifery. */
    PRE_BIRTH_ASSESSMENT,
    /** Refer to the national referral mechanism (modern slavery / trafficking). */
    NATIONAL_REFERRAL_MECHANISM,
    /** Unaccompanied asylum-seeking child: accommodate and assess age/needs. */
    UASC_PATHWAY,
    /** Young carer: young carer's needs assessment. */
    YOUNG_CARERS_ASSESSMENT,
    /** Consider whether siblings or other children in the household are at risk. */
    SIBLINGS_CHECK,
    /** Medical assessment by a paediatrician. */
    PAEDIATRIC_ASSESSMENT,
    /** Forced marriage unit and police involvement. */
    FORCED_MARRIAGE_UNIT,
    /** Immediate risk reported. */
    IMMEDIATE_RISK;

    private static final Set<String> NAMES =
            Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    public static boolean isKnown(String name) {
        return name != null && NAMES.contains(name);
    }
}
