package uk.frontdoor.intake.submission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Codes from the DfE Children in Need census that partners use in a submission, with their census
 * descriptions: a transcription of the census guide made apart from the published JSON Schema, which is what
 * the service validates with. {@link SubmissionSchemaTest} checks the schema's code lists against it.
 */
final class CensusCodes {

    /** CIN census referral-source codes, in census order. */
    public static final Map<String, String> REFERRAL_SOURCES = ordered(
            "1A", "Individual: family member, relative or carer",
            "1B", "Individual: acquaintance (including neighbours and child minders)",
            "1C", "Individual: self",
            "1D", "Individual: other",
            "2A", "Schools",
            "2B", "Education services",
            "3A", "Health services: GP",
            "3B", "Health services: health visitor",
            "3C", "Health services: school nurse",
            "3D", "Health services: other primary health services",
            "3E", "Health services: A&E (emergency department)",
            "3F", "Health services: other (for example hospice)",
            "4", "Housing (local authority or housing association)",
            "5A", "Local authority services: social care",
            "5B", "Local authority services: other internal department",
            "5C", "Local authority services: another local authority",
            "5D", "Local authority services: early help",
            "6", "Police",
            "7", "Other legal agency (courts, probation, immigration, CAFCASS, prison)",
            "8", "Other",
            "9", "Anonymous",
            "10", "Unknown");

    /** CIN census "factors identified at the end of assessment" codes, in census order. */
    public static final Map<String, String> ASSESSMENT_FACTORS = ordered(
            "1A", "Alcohol misuse: concerns about the child",
            "1B", "Alcohol misuse: concerns about the parent or carer",
            "1C", "Alcohol misuse: concerns about another person living in the household",
            "2A", "Drug misuse: concerns about the child",
            "2B", "Drug misuse: concerns about the parent or carer",
            "2C", "Drug misuse: concerns about another person living in the household",
            "3A", "Domestic abuse: concerns about the child",
            "3B", "Domestic abuse: concerns about the parent or carer",
            "3C", "Domestic abuse: concerns about another person living in the household",
            "4A", "Mental health: concerns about the child",
            "4B", "Mental health: concerns about the parent or carer",
            "4C", "Mental health: concerns about another person living in the household",
            "5A", "Learning disability: concerns about the child",
            "5B", "Learning disability: concerns about the parent or carer",
            "5C", "Learning disability: concerns about another person living in the household",
            "6A", "Physical disability or illness: concerns about the child",
            "6B", "Physical disability or illness: concerns about the parent or carer",
            "6C", "Physical disability or illness: concerns about another person living in the household",
            "7A", "Young carer",
            "8B", "Privately fostered: overseas child who intends to return",
            "8C", "Privately fostered: overseas child who intends to stay",
            "8D", "Privately fostered: UK child in an educational placement",
            "8E", "Privately fostered: UK child in an alternative family arrangement",
            "8F", "Privately fostered: other",
            "9A", "Unaccompanied asylum-seeking child",
            "10A", "Going or being missing",
            "11A", "Child sexual exploitation",
            "12A", "Trafficking",
            "13A", "Gangs",
            "14A", "Socially unacceptable behaviour",
            "15A", "Self-harm",
            "16A", "Neglect",
            "17A", "Emotional abuse",
            "18B", "Physical abuse: child on child",
            "18C", "Physical abuse: adult on child",
            "19B", "Sexual abuse: child on child",
            "19C", "Sexual abuse: adult on child",
            "20", "Other",
            "21", "No factors identified",
            "22A", "Female genital mutilation",
            "23A", "Abuse linked to faith or belief",
            "24A", "Child criminal exploitation");

    /** DfE ethnicity codes used in the CIN census, including the two "not recorded" codes. */
    public static final Map<String, String> ETHNICITIES = ordered(
            "WBRI", "White: British",
            "WIRI", "White: Irish",
            "WIRT", "White: Traveller of Irish heritage",
            "WOTH", "White: any other White background",
            "WROM", "White: Gypsy or Roma",
            "MWBC", "Mixed: White and Black Caribbean",
            "MWBA", "Mixed: White and Black African",
            "MWAS", "Mixed: White and Asian",
            "MOTH", "Mixed: any other mixed background",
            "AIND", "Asian or Asian British: Indian",
            "APKN", "Asian or Asian British: Pakistani",
            "ABAN", "Asian or Asian British: Bangladeshi",
            "AOTH", "Asian or Asian British: any other Asian background",
            "BCRB", "Black or Black British: Caribbean",
            "BAFR", "Black or Black British: African",
            "BOTH", "Black or Black British: any other Black background",
            "CHNE", "Chinese",
            "OOTH", "Any other ethnic group",
            "REFU", "Refused",
            "NOBT", "Information not yet obtained");

    private CensusCodes() {
    }

    private static Map<String, String> ordered(String... codesAndDescriptions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndDescriptions.length; i += 2) {
            if (map.put(codesAndDescriptions[i], codesAndDescriptions[i + 1]) != null) {
                throw new IllegalStateException("duplicate census code " + codesAndDescriptions[i]);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
