package uk.frontdoor.intake.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The partner agencies allowed to send contacts, each with the SHA-256 of its API key. Keys are
 * long random secrets, so a fast hash is enough; only hashes are ever configured or compared.
 *
 * <p>Each agency may be held to the referral sources it can truthfully give: a school is not the police
 * ({@code 6}). Its {@code kind} (a census referral-source group: {@code POLICE}, {@code EDUCATION},
 * {@code HEALTH}, {@code HOUSING}, ...) allows every code of that group; {@code referral-sources} lists
 * the codes outright and wins over the kind. An agency with neither may send any census code.
 */
@ConfigurationProperties("frontdoor.partners")
public record PartnerAgencies(@DefaultValue List<Agency> agencies) {

    /** The DfE Children in Need census referral-source codes, as the submission schema lists them. */
    public static final List<String> CENSUS_REFERRAL_SOURCES = List.of("1A", "1B", "1C", "1D", "2A", "2B",
            "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");

    public PartnerAgencies {
        agencies = List.copyOf(agencies);
        for (Agency agency : agencies) {
            // A typo here would refuse every contact the agency sends: the service does not start with one.
            agency.referralSources().stream().filter(code -> !CENSUS_REFERRAL_SOURCES.contains(code)).findFirst()
                    .ifPresent(code -> {
                        throw new IllegalArgumentException("frontdoor.partners.agencies: " + agency.code()
                                + " lists " + code + ", which is not a census referral-source code");
                    });
        }
    }

    /**
     * @param kind            the census referral-source group the agency belongs to; null for none
     * @param referralSources the census codes the agency may send; empty to go by {@code kind}
     * @param answersFor      the partner-check agency ({@code frontdoor.triage.agencies}: {@code POLICE},
     *                        {@code HEALTH}, ...) whose checks this agency is sent and answers; null to go by
     *                        {@code kind} (police answer police checks, a school education checks, health health
     *                        checks, housing housing checks); none for a kind with no single such agency
     */
    public record Agency(String code, String name, String apiKeySha256, ReferralSourceGroup kind,
                         List<String> referralSources, String answersFor) {

        @ConstructorBinding
        public Agency {
            referralSources = referralSources == null ? List.of() : List.copyOf(referralSources);
        }

        public Agency(String code, String name, String apiKeySha256, ReferralSourceGroup kind,
                      List<String> referralSources) {
            this(code, name, apiKeySha256, kind, referralSources, null);
        }

        /** The partner-check agency whose checks are sent to this agency; empty if none. */
        public Optional<String> partnerCheckAgency() {
            if (answersFor != null && !answersFor.isBlank()) {
                return Optional.of(answersFor);
            }
            if (kind != null && kind.partnerCheckAgencies().size() == 1) {
                return Optional.of(kind.partnerCheckAgencies().iterator().next());
            }
            return Optional.empty();
        }

        /** The codes this agency may send, in census order; empty when it may send any. */
        public Set<String> allowedReferralSources() {
            Set<String> allowed = new LinkedHashSet<>();
            if (!referralSources.isEmpty()) {
                CENSUS_REFERRAL_SOURCES.stream().filter(referralSources::contains).forEach(allowed::add);
            } else if (kind != null) {
                CENSUS_REFERRAL_SOURCES.stream().filter(code -> ReferralSourceGroup.of(code) == kind)
                        .forEach(allowed::add);
            }
            return Collections.unmodifiableSet(allowed);
        }
    }

    public Optional<PartnerPrincipal> byApiKey(String apiKey) {
        return apiKeys().byApiKey(apiKey);
    }

    /**
     * The agencies' API keys, ready to check a presented key against on every request: each agency's hash
     * decoded and its principal made once, here, not per request.
     */
    public ApiKeys apiKeys() {
        return new ApiKeys(agencies);
    }

    /** Checks a presented API key against every agency's, in constant time. */
    public static final class ApiKeys {

        private final byte[][] expected;
        private final PartnerPrincipal[] principals;
        private final MessageDigest sha256;

        private ApiKeys(List<Agency> agencies) {
            expected = new byte[agencies.size()][];
            principals = new PartnerPrincipal[agencies.size()];
            for (int i = 0; i < agencies.size(); i++) {
                Agency agency = agencies.get(i);
                expected[i] = HexFormat.of().parseHex(agency.apiKeySha256());
                principals[i] = new PartnerPrincipal(AgencyCode.of(agency.code()), agency.name());
            }
            sha256 = digest();
        }

        public Optional<PartnerPrincipal> byApiKey(String apiKey) {
            byte[] presented = hash(apiKey);
            PartnerPrincipal match = null;
            // Compare with every agency in constant time, so timing reveals nothing about which key is near.
            for (int i = 0; i < expected.length; i++) {
                if (MessageDigest.isEqual(presented, expected[i])) {
                    match = principals[i];
                }
            }
            return Optional.ofNullable(match);
        }

        /**
         * A clone of one digest that is never updated itself: looking SHA-256 up among the security providers
         * for every request cost more than hashing the key.
         */
        private byte[] hash(String value) {
            MessageDigest digest;
            try {
                digest = (MessageDigest) sha256.clone();
            } catch (CloneNotSupportedException e) {
                digest = digest();
            }
            return digest.digest(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The partner-check agency whose checks this partner agency is sent and answers; empty if none. */
    public Optional<String> answersFor(AgencyCode code) {
        return agencies.stream().filter(agency -> agency.code().equals(code.value())).findFirst()
                .flatMap(Agency::partnerCheckAgency);
    }

    /** The partner agencies a check to this partner-check agency is delivered to. */
    public List<Agency> answering(String partnerCheckAgency) {
        return agencies.stream()
                .filter(agency -> agency.partnerCheckAgency().filter(partnerCheckAgency::equals).isPresent())
                .toList();
    }

    public Optional<PartnerPrincipal> byCode(String code) {
        return agencies.stream()
                .filter(agency -> agency.code().equals(code))
                .findFirst()
                .map(agency -> new PartnerPrincipal(AgencyCode.of(agency.code()), agency.name()));
    }

    /**
     * The referral sources a partner agency may send, in census order; empty when any census code is
     * allowed (no kind or list configured, or not a partner agency: staff choose the source themselves).
     */
    public Set<String> referralSourcesOf(AgencyCode code) {
        return agencies.stream()
                .filter(agency -> agency.code().equals(code.value()))
                .findFirst()
                .map(Agency::allowedReferralSources)
                .orElse(Set.of());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
