package uk.frontdoor.rules;

import java.util.Set;

/**
 * DfE Children in Need census assessment-factor codes. Kept as strings because that is how the census and partners
 * exchange them; a rule that names a code not listed here fails to load.
 */
public final class CinFactor {

    /**
     * 1A/1B/1C alcohol (child / parent-carer / other household member), 2A-C drugs, 3A-C domestic abuse, 4A-C mental
     * health, 5A-C learning disability, 6A-C physical disability or illness, 7A young carer, 8B-8F private fostering,
     * 9A unaccompanied asylum-seeking child, 10A going missing, 11A child sexual exploitation, 12A trafficking,
     * 13A gangs, 14A socially unacceptable behaviour, 15A self-harm, 16A neglect, 17A emotional abuse, 18B/18C
     * physical abuse (child-on-child / adult-on-child), 19B/19C sexual abuse (same), 20 other, 21 no factors,
     * 22A FGM, 23A abuse linked to faith or belief, 24A child criminal exploitation.
     */
    public static final Set<String> CODES = Set.of(
            "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C",
            "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A",
            "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A");

    private CinFactor() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
