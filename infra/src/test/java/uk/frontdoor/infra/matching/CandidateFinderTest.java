package uk.frontdoor.infra.matching;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.triage.identity.matching.CandidateFinder;
import uk.frontdoor.triage.identity.matching.KnownChildCount;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The candidate search's blocking rules and memory, against the real embedded PostgreSQL. */
class CandidateFinderTest {

    private static final Instant LAST_YEAR = Instant.parse("2025-11-03T10:00:00Z");
    private static final Instant TODAY = Instant.parse("2026-12-01T09:00:00Z");
    private static final LocalDate BORN = LocalDate.parse("2017-03-07");

    @RegisterExtension
    static final MatchingDatabase.PerClass database = new MatchingDatabase.PerClass();
    private CandidateFinder finder;

    @BeforeEach
    void empty() {
        database.jdbc().sql("TRUNCATE child_identity_variant").update();
        finder = new CandidateFinder(database.jdbc());
        finder.remember("ava", ava().build(), LAST_YEAR);
        finder.remember("isla", ava().givenNames("Isla").nhsNumber(null).build(), LAST_YEAR);
        finder.remember("leo", IdentityFacts.builder().givenNames("Leo").familyName("Smith")
                .dateOfBirth(LocalDate.parse("2012-11-30")).postcode("M1 1AE").nhsNumber("4010232137").build(), LAST_YEAR);
        finder.remember("unborn", IdentityFacts.builder().familyName("Nowak")
                .expectedDateOfBirth(LocalDate.parse("2026-05-20")).postcode("B33 8TH")
                .mother("Aneta", "Nowak").build(), LAST_YEAR);
    }

    private static IdentityFacts.Builder ava() {
        return IdentityFacts.builder().givenNames("Ava").familyName("Okafor").dateOfBirth(BORN)
                .sex(IdentityFacts.Sex.FEMALE).nhsNumber("9434765919").postcode("LS1 4AP")
                .addressLine("12 Acacia Avenue").householdMember("Grace", "Okafor", null);
    }

    private List<String> found(IdentityFacts facts) {
        return finder.find(facts).stream().map(Candidate::childId).toList();
    }

    @Test
    void theKnownChildrenAreCountedOncePerRefreshPeriodNotPerContact() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(TODAY);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        KnownChildCount count = new KnownChildCount(database.jdbc(), clock, java.time.Duration.ofMinutes(10));
        // Ava recorded a second way is still one child.
        finder.remember("ava", ava().postcode("M1 1AE").build(), TODAY);

        assertThat(count.current()).isEqualTo(4);
        finder.remember("new-child", IdentityFacts.builder().givenNames("Noor").familyName("Ali").build(), TODAY);
        now.set(TODAY.plusSeconds(599));
        assertThat(count.current()).as("within the refresh period, the last count").isEqualTo(4);
        now.set(TODAY.plusSeconds(600));
        assertThat(count.current()).isEqualTo(5);
    }

    @Test
    void byNhsNumberAlone() {
        assertThat(found(IdentityFacts.builder().nhsNumber("943 476 5919").build())).containsExactly("ava");
    }

    @Test
    void byDateOfBirthWithANameThatSoundsTheSameOrItsDayAndMonthSwapped() {
        assertThat(found(IdentityFacts.builder().givenNames("Eva").familyName("Okafur").dateOfBirth(BORN).build()))
                .contains("ava");
        assertThat(found(IdentityFacts.builder().givenNames("Ava").familyName("Okafor")
                .dateOfBirth(LocalDate.parse("2017-07-03")).build())).contains("ava");
    }

    @Test
    void byFamilyNameSoundAndBirthYearWhenTheDateIsMistyped() {
        assertThat(found(IdentityFacts.builder().givenNames("Ava").familyName("OKAFOR")
                .dateOfBirth(LocalDate.parse("2017-08-07")).postcode("M1 1AE").build())).contains("ava");
    }

    @Test
    void byASimilarNameInTheSamePostcodeSectorWhenTheDateIsUnknown() {
        assertThat(found(IdentityFacts.builder().givenNames("Avaa").familyName("Okafro").postcode("LS1 4ZZ").build()))
                .contains("ava");
    }

    @Test
    void atAPreviousAddressTheContactGives() {
        assertThat(found(IdentityFacts.builder().givenNames("Ava").familyName("Okafor").postcode("M1 1AE")
                .previousPostcode("LS1 4AP").build())).contains("ava");
    }

    @Test
    void aBabyByExpectedDateAndMother() {
        IdentityFacts born = IdentityFacts.builder().givenNames("Zofia").familyName("Kowalska")
                .dateOfBirth(LocalDate.parse("2026-05-02")).postcode("B33 8TH").mother("Aneta", "Nowak").build();
        assertThat(found(born)).contains("unborn");
    }

    @Test
    void nothingAlikeFindsNothing() {
        assertThat(found(IdentityFacts.builder().givenNames("Freya").familyName("Patel")
                .dateOfBirth(LocalDate.parse("2020-01-15")).postcode("SW1A 1AA").build())).isEmpty();
        assertThat(found(IdentityFacts.builder().build())).isEmpty();
    }

    @Test
    void aChildRecordedTwiceIsOneCandidateWithTheLatestAddressCurrent() {
        finder.remember("ava", ava().postcode("M1 1AE").addressLines(List.of("3 New Street"))
                .householdMember("Femi", "Okafor", null).build(), TODAY);

        List<Candidate> candidates = finder.find(IdentityFacts.builder().nhsNumber("9434765919").build());

        assertThat(candidates).hasSize(1);
        IdentityFacts merged = candidates.get(0).facts();
        assertThat(merged.postcode()).isEqualTo("M1 1AE");
        assertThat(merged.addressLines()).containsExactly("3 New Street");
        assertThat(merged.previousPostcodes()).containsExactly("LS1 4AP");
        assertThat(merged.household()).extracting(IdentityFacts.Person::givenName).containsExactlyInAnyOrder("Grace", "Femi");
        assertThat(merged.dateOfBirth()).isEqualTo(BORN);
    }

    @Test
    void theSameFactsSeenAgainAreOneRow() {
        finder.remember("ava", ava().build(), TODAY);

        assertThat(database.jdbc().sql("SELECT count(*) FROM child_identity_variant WHERE child_id = 'ava'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(database.jdbc().sql("SELECT last_seen_at FROM child_identity_variant WHERE child_id = 'ava'")
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(TODAY);
    }

    /**
     * The variant rows written from arrays (one statement text whatever the row count) are, column by column, the
     * generated keys and the times included, what the statement of one {@code VALUES} row a variant wrote: for new
     * variants, a variant seen twice in one call (the later time kept), one seen before (its last-seen time moved on,
     * never back), and facts with nothing but a name, an unborn child with a mother, non-ASCII names, microseconds.
     */
    @Test
    void variantsAreWrittenAsTheOneRowAValueStatementWroteThem() {
        Instant earlier = Instant.parse("2026-11-30T08:00:00.123456Z");
        Instant later = Instant.parse("2026-12-01T09:30:00.654321Z");
        List<IdentityFacts> facts = List.of(
                ava().build(),
                ava().givenNames("Zoë Ann", "Mary").familyName("O'Brien-Ní Dhomhnaill").previousPostcode("LS2 1AB")
                        .build(),
                IdentityFacts.builder().familyName("Nowak").expectedDateOfBirth(LocalDate.parse("2027-02-01"))
                        .postcode("B33 8TH").mother("Aneta", "Nowak").build(),
                IdentityFacts.builder().givenNames("Leo").build());
        for (String build : List.of("arrays", "values")) {
            List<CandidateFinder.SeenAt> seen = new ArrayList<>();
            // Seen before this call, at the earlier time, then twice in it: the row keeps the later time.
            seen.add(new CandidateFinder.SeenAt(build + "-0", facts.get(0), later));
            seen.add(new CandidateFinder.SeenAt(build + "-0", facts.get(0), earlier));
            for (int i = 1; i < facts.size(); i++) {
                seen.add(new CandidateFinder.SeenAt(build + "-" + i, facts.get(i), i == 2 ? earlier : later));
            }
            // Seen before at a later time than this call's: never moved back.
            seen.add(new CandidateFinder.SeenAt(build + "-3", facts.get(3), earlier));
            if (build.equals("arrays")) {
                finder.rememberEach(List.of(new CandidateFinder.SeenAt(build + "-0", facts.get(0), earlier),
                        new CandidateFinder.SeenAt(build + "-3", facts.get(3), later)));
                finder.rememberEach(seen);
            } else {
                rememberAsOneValuesRowEach(List.of(new CandidateFinder.SeenAt(build + "-0", facts.get(0), earlier),
                        new CandidateFinder.SeenAt(build + "-3", facts.get(3), later)));
                rememberAsOneValuesRowEach(seen);
            }
        }
        String columns = "fingerprint, given_name, family_name, full_name, given_key, family_key, date_of_birth, "
                + "expected_date_of_birth, nhs_number, postcode, postcode_sector, mother_family_key, facts, "
                + "first_seen_at, last_seen_at";
        List<String> arrays = database.jdbc().sql("SELECT substr(child_id, 8) || ' ' || ROW(" + columns + ")::text "
                + "FROM child_identity_variant WHERE child_id LIKE 'arrays-%' ORDER BY child_id")
                .query(String.class).list();
        List<String> values = database.jdbc().sql("SELECT substr(child_id, 8) || ' ' || ROW(" + columns + ")::text "
                + "FROM child_identity_variant WHERE child_id LIKE 'values-%' ORDER BY child_id")
                .query(String.class).list();
        assertThat(arrays).hasSize(4).isEqualTo(values);
        assertThat(database.jdbc().sql("SELECT last_seen_at FROM child_identity_variant WHERE child_id IN ('arrays-0', 'arrays-3')"
                + " ORDER BY child_id").query(java.sql.Timestamp.class).list())
                .extracting(java.sql.Timestamp::toInstant).containsExactly(later, later);
    }

    /**
     * The statement {@link CandidateFinder#rememberEach} ran before its rows were sent as arrays: one {@code VALUES}
     * row a variant, each value a parameter of its own; the facts' JSON and fingerprint taken from what the finder
     * wrote for the same facts (their writing did not change), the other columns as it worked them out.
     */
    private void rememberAsOneValuesRowEach(List<CandidateFinder.SeenAt> seen) {
        java.util.Map<String, Object[]> rows = new java.util.LinkedHashMap<>();
        for (CandidateFinder.SeenAt s : seen) {
            IdentityFacts seenAs = s.facts();
            CandidateFinder probe = new CandidateFinder(database.jdbc());
            probe.remember("probe", seenAs, s.at());
            String[] written = database.jdbc().sql("SELECT fingerprint, facts::text FROM child_identity_variant "
                    + "WHERE child_id = 'probe'").query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)})
                    .single();
            database.jdbc().sql("DELETE FROM child_identity_variant WHERE child_id = 'probe'").update();
            String postcode = uk.frontdoor.matching.Normalise.postcode(seenAs.postcode());
            java.sql.Timestamp at = java.sql.Timestamp.from(s.at());
            Object[] row = {s.childId(), written[0],
                    seenAs.givenNames().isEmpty() ? null
                            : uk.frontdoor.matching.Normalise.firstWord(seenAs.givenNames().get(0)),
                    uk.frontdoor.matching.Normalise.name(seenAs.familyName()),
                    seenAs.dateOfBirth() == null ? null : java.sql.Date.valueOf(seenAs.dateOfBirth()),
                    seenAs.expectedDateOfBirth() == null ? null : java.sql.Date.valueOf(seenAs.expectedDateOfBirth()),
                    uk.frontdoor.matching.Normalise.nhsNumber(seenAs.nhsNumber()), postcode,
                    uk.frontdoor.matching.Normalise.sector(postcode),
                    seenAs.mother() == null ? null : uk.frontdoor.matching.Normalise.name(seenAs.mother().familyName()),
                    written[1], at, at};
            rows.merge(s.childId() + written[0], row, (first, second) ->
                    ((java.sql.Timestamp) second[12]).after((java.sql.Timestamp) first[12]) ? second : first);
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO child_identity_variant (child_id, fingerprint, given_name, family_name, date_of_birth,
                    expected_date_of_birth, nhs_number, postcode, postcode_sector, mother_family_key, facts,
                    first_seen_at, last_seen_at)
                VALUES """);
        List<Object> params = new ArrayList<>();
        for (Object[] row : rows.values()) {
            if (!params.isEmpty()) {
                sql.append(',');
            }
            sql.append("(?, ?, ?, ?, ?, ?, ?, ?, ?, dmetaphone(CAST(? AS text)), CAST(? AS jsonb), ?, ?)");
            params.addAll(java.util.Arrays.asList(row));
        }
        sql.append("""
                 ON CONFLICT (child_id, fingerprint)
                DO UPDATE SET last_seen_at = greatest(child_identity_variant.last_seen_at, excluded.last_seen_at)""");
        database.jdbc().sql(sql.toString()).params(params).update();
    }

    @Test
    void aCrowdedBirthDateStillReturnsAtMostTheLimit() {
        List<CandidateFinder.Seen> crowd = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            crowd.add(new CandidateFinder.Seen("okafor-" + i, ava().givenNames("Child" + i).nhsNumber(null).build()));
        }
        finder.rememberAll(crowd, TODAY);

        List<Candidate> candidates = finder.find(ava().nhsNumber(null).build());

        assertThat(candidates.size()).isLessThanOrEqualTo(CandidateFinder.MAX_CANDIDATES).isGreaterThan(10);
    }

    @Test
    void theSearchUsesTheIndexesNotASequentialScan() {
        List<CandidateFinder.Seen> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new CandidateFinder.Seen("c" + i, IdentityFacts.builder().givenNames("Name" + i)
                    .familyName("Family" + (i % 997)).dateOfBirth(BORN.minusDays(i % 6000))
                    .postcode("LS" + (1 + i % 20) + " " + (i % 10) + "AB").build()));
        }
        finder.rememberAll(many, TODAY);
        database.jdbc().sql("ANALYZE child_identity_variant").update();

        // A contact with every kind of fact, and an unborn one, so that every rule is planned with real values.
        IdentityFacts everything = ava().givenNames("Name17").familyName("Family17").previousPostcode("LS2 1AB")
                .mother("Grace", "Family17").build();
        IdentityFacts unborn = IdentityFacts.builder().familyName("Family17").mother("Grace", "Family17")
                .expectedDateOfBirth(BORN).postcode("LS1 4AB").build();
        String plan = String.join("\n", finder.explain(everything)) + String.join("\n", finder.explain(unborn));

        assertThat(plan).doesNotContain("Seq Scan on child_identity_variant");
    }
}
