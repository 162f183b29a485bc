package uk.frontdoor.intake.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import uk.frontdoor.triage.api.value.AgencyCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerAgenciesTest {

    private static final String KEY = "c526584d45c568ebaa3c7ed63dcbf0c90fd8c223ff3153b6219be26cddb0b2db";

    private static PartnerAgencies bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("frontdoor.partners", PartnerAgencies.class).get();
    }

    private static Map<String, String> agency(int index, String code, String kind) {
        String prefix = "frontdoor.partners.agencies[" + index + "].";
        return Map.of(prefix + "code", code, prefix + "name", code, prefix + "api-key-sha256", KEY, prefix + "kind", kind);
    }

    @Test
    void an_api_key_is_known_by_its_hash_and_names_its_own_agency_each_time_it_is_checked() {
        Map<String, String> properties = new java.util.HashMap<>();
        String schoolKey = java.util.HexFormat.of().formatHex(sha256("school-secret"));
        String policeKey = java.util.HexFormat.of().formatHex(sha256("police-secret"));
        properties.putAll(Map.of("frontdoor.partners.agencies[0].code", "school",
                "frontdoor.partners.agencies[0].name", "A school",
                "frontdoor.partners.agencies[0].api-key-sha256", schoolKey,
                "frontdoor.partners.agencies[1].code", "police",
                "frontdoor.partners.agencies[1].name", "The police",
                "frontdoor.partners.agencies[1].api-key-sha256", policeKey));
        PartnerAgencies.ApiKeys keys = bind(properties).apiKeys();
        // Checked again and again with one ApiKeys, as the filter does: no state carried from one check to the next.
        for (int i = 0; i < 3; i++) {
            assertThat(keys.byApiKey("police-secret")).map(PartnerPrincipal::agency).contains(AgencyCode.of("police"));
            assertThat(keys.byApiKey("school-secret")).map(PartnerPrincipal::name).contains("A school");
            assertThat(keys.byApiKey("police-secre")).isEmpty();
            assertThat(keys.byApiKey("")).isEmpty();
            assertThat(keys.byApiKey(policeKey)).as("the hash itself is not the key").isEmpty();
        }
        assertThat(bind(properties).byApiKey("school-secret")).map(PartnerPrincipal::agency)
                .contains(AgencyCode.of("school"));
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_agencys_kind_allows_every_code_of_its_census_group() {
        Map<String, String> properties = new java.util.HashMap<>();
        properties.putAll(agency(0, "school", "EDUCATION"));
        properties.putAll(agency(1, "gp", "HEALTH"));
        properties.putAll(agency(2, "police", "POLICE"));
        PartnerAgencies agencies = bind(properties);

        assertThat(agencies.referralSourcesOf(AgencyCode.of("school"))).containsExactly("2A", "2B");
        assertThat(agencies.referralSourcesOf(AgencyCode.of("gp"))).containsExactly("3A", "3B", "3C", "3D", "3E", "3F");
        assertThat(agencies.referralSourcesOf(AgencyCode.of("police"))).containsExactly("6");
    }

    @Test
    void a_list_of_referral_sources_wins_over_the_kind_and_is_kept_in_census_order() {
        PartnerAgencies agencies = bind(Map.of(
                "frontdoor.partners.agencies[0].code", "yot", "frontdoor.partners.agencies[0].name", "Youth justice",
                "frontdoor.partners.agencies[0].api-key-sha256", KEY, "frontdoor.partners.agencies[0].kind", "POLICE",
                "frontdoor.partners.agencies[0].referral-sources", "7,5B"));

        assertThat(agencies.referralSourcesOf(AgencyCode.of("yot"))).containsExactly("5B", "7");
    }

    @Test
    void an_agency_with_neither_and_anyone_who_is_not_a_partner_may_use_any_source() {
        PartnerAgencies agencies = bind(Map.of(
                "frontdoor.partners.agencies[0].code", "other", "frontdoor.partners.agencies[0].name", "Other",
                "frontdoor.partners.agencies[0].api-key-sha256", KEY));

        assertThat(agencies.referralSourcesOf(AgencyCode.of("other"))).isEmpty();
        assertThat(agencies.referralSourcesOf(AgencyCode.of("demo-council"))).isEmpty();
    }

    @Test
    void a_code_that_is_not_a_census_referral_source_stops_the_service_starting() {
        assertThatThrownBy(() -> bind(Map.of(
                "frontdoor.partners.agencies[0].code", "school", "frontdoor.partners.agencies[0].name", "School",
                "frontdoor.partners.agencies[0].api-key-sha256", KEY,
                "frontdoor.partners.agencies[0].referral-sources", "2A,2C")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("school lists 2C");
    }

    @Test
    void the_census_codes_are_the_submission_schemas() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/static/schemas/contact-submission-v1.schema.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            List<String> codes = new ArrayList<>();
            schema.at("/properties/referralSource/enum").forEach(code -> codes.add(code.asText()));

            assertThat(PartnerAgencies.CENSUS_REFERRAL_SOURCES).containsExactlyElementsOf(codes);
        }
    }
}
