package uk.frontdoor.rules;

import java.util.Set;

/** DfE Children in Need census referral-source codes (1A family ... 6 police ... 10 unknown). */
public final class ReferralSource {

    /**
     * 1A family/relative/carer, 1B acquaintance, 1C self, 1D other individual, 2A schools, 2B education services,
     * 3A GP, 3B health visitor, 3C school nurse, 3D other primary health, 3E A&amp;E, 3F other health, 4 housing,
     * 5A LA social care, 5B LA other internal, 5C another LA, 5D LA early help, 6 police, 7 other legal agency,
     * 8 other, 9 anonymous, 10 unknown.
     */
    public static final Set<String> CODES = Set.of(
            "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4",
            "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");

    private ReferralSource() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
