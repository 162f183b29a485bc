package uk.frontdoor.intake.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.frontdoor.triage.api.value.AgencyCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The partner agencies allowed to send contacts, each with the SHA-256 of its API key. Keys are
 * long random secrets, so a fast hash is enough; only hashes are ever configured or compared.
 */
@ConfigurationProperties("frontdoor.partners")
public record PartnerAgencies(@DefaultValue List<Agency> agencies) {

    public record Agency(String code, String name, String apiKeySha256) {
    }

    public Optional<PartnerPrincipal> byApiKey(String apiKey) {
        byte[] presented = sha256(apiKey);
        PartnerPrincipal match = null;
        // Compare with every agency in constant time, so timing reveals nothing about which key is near.
        for (Agency agency : agencies) {
            byte[] expected = HexFormat.of().parseHex(agency.apiKeySha256());
            if (MessageDigest.isEqual(presented, expected)) {
                match = new PartnerPrincipal(AgencyCode.of(agency.code()), agency.name());
            }
        }
        return Optional.ofNullable(match);
    }

    public Optional<PartnerPrincipal> byCode(String code) {
        return agencies.stream()
                .filter(agency -> agency.code().equals(code))
                .findFirst()
                .map(agency -> new PartnerPrincipal(AgencyCode.of(agency.code()), agency.name()));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
