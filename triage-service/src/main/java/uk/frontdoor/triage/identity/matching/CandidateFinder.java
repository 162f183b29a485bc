package uk.frontdoor.triage.identity.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.Normalise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Finds the known children a contact's child might be, in PostgreSQL, and remembers who each child has
 * been recorded as. Candidates come from blocking rules, each served by an index of
 * {@code child_identity_variant} (V13) and each with its own limit, so that no search reads more than a
 * few hundred rows however many children are known:
 *
 * <ol>
 *   <li>the same NHS number;</li>
 *   <li>the same date of birth, or its day and month swapped, with a family or given name that sounds the
 *       same (Double Metaphone), or the names swapped, or the same postcode sector;</li>
 *   <li>a family and a given name that sound the same, born in the same year (typing slips in the date). The
 *       family name and year alone matched 5,000 Smiths at a million children, 27 ms to read;</li>
 *   <li>the same postcode sector with a family or given name that sounds the same;</li>
 *   <li>a similar full name (trigram similarity at least 0.4) at the same postcode, or at a postcode the
 *       contact gives as a previous address (V18). Similarity is computed on the postcode's index entries
 *       (an index-only scan), not looked up in the trigram index: for a common name ("Oliver Smith") the
 *       trigram index matches thousands of children across the area, which cost 10 ms at 100,000 known.
 *       The rule read the whole postcode sector until V18: about 1,000 children at a million known, most
 *       of the slowest contacts' time; a child of the sector born the same day is found by rule 2;</li>
 *   <li>for a baby: a child due (or, for an unborn contact, born) within {@value #EXPECTED_WINDOW_DAYS} days,
 *       with the same family name or mother's family name by sound.</li>
 * </ol>
 *
 * Every variant row of the children found is then read and merged into one {@link Candidate} per child.
 */
public class CandidateFinder {

    /** How many children a search returns at most. */
    public static final int MAX_CANDIDATES = 60;
    static final int EXPECTED_WINDOW_DAYS = 60;
    private static final int BATCH = 500;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The blocking rules, with named parameters: one child's search, or (rewritten) one row of a batch. */
    private static final String HITS = """
                (SELECT child_id FROM child_identity_variant
                  WHERE nhs_number = CAST(:nhs AS char(10)) LIMIT 10)
                UNION
                (SELECT child_id FROM child_identity_variant
                  WHERE date_of_birth IN (CAST(:dob AS date), CAST(:swapped AS date))
                    AND (family_key = dmetaphone(CAST(:family AS text)) OR given_key = dmetaphone(CAST(:given AS text))
                         OR family_key = dmetaphone(CAST(:given AS text))
                         OR postcode_sector = CAST(:sector AS text))
                  LIMIT 40)
                UNION
                (SELECT child_id FROM child_identity_variant
                  WHERE family_key = dmetaphone(CAST(:family AS text)) AND given_key = dmetaphone(CAST(:given AS text))
                    AND date_of_birth >= CAST(:yearStart AS date) AND date_of_birth < CAST(:yearEnd AS date)
                  LIMIT 20)
                UNION
                (SELECT child_id FROM child_identity_variant
                  WHERE postcode_sector = CAST(:sector AS text) AND family_key = dmetaphone(CAST(:family AS text))
                  ORDER BY similarity(full_name, CAST(:fullName AS text)) DESC LIMIT 20)
                UNION
                (SELECT child_id FROM child_identity_variant
                  WHERE postcode_sector = CAST(:sector AS text) AND given_key = dmetaphone(CAST(:given AS text))
                  ORDER BY similarity(full_name, CAST(:fullName AS text)) DESC LIMIT 20)
                UNION
                (SELECT child_id FROM child_identity_variant
                  WHERE postcode = ANY(CAST(:postcodes AS text[]))
                    AND similarity(full_name, CAST(:fullName AS text)) >= 0.4
                  ORDER BY similarity(full_name, CAST(:fullName AS text)) DESC LIMIT 20)
                UNION
                (SELECT child_id FROM child_identity_variant
                  WHERE expected_date_of_birth BETWEEN CAST(:aroundFrom AS date) AND CAST(:aroundTo AS date)
                    AND (family_key = dmetaphone(CAST(:family AS text))
                         OR mother_family_key = dmetaphone(CAST(:motherFamily AS text)))
                  LIMIT 20)
                UNION
                (SELECT child_id FROM child_identity_variant
                  WHERE CAST(:unborn AS boolean)
                    AND date_of_birth BETWEEN CAST(:aroundFrom AS date) AND CAST(:aroundTo AS date)
                    AND family_key = dmetaphone(CAST(:family AS text))
                  LIMIT 20)
                UNION
                (SELECT child_id FROM child_identity_variant
                  WHERE CAST(:unborn AS boolean)
                    AND mother_family_key = dmetaphone(CAST(:motherFamily AS text))
                    AND date_of_birth BETWEEN CAST(:aroundFrom AS date) AND CAST(:aroundTo AS date)
                  LIMIT 20)
""";

    private static final String SEARCH = "WITH hits AS (\n" + HITS + ")\n" + """
            SELECT v.child_id, v.facts, v.last_seen_at
              FROM child_identity_variant v
              JOIN (SELECT child_id FROM hits LIMIT :limit) h ON h.child_id = v.child_id
             ORDER BY v.child_id, v.last_seen_at DESC""";

    /** The columns of a batch's rows: one per named parameter of {@link #HITS}, the postcodes joined by commas. */
    private static final List<String> BATCH_COLUMNS = List.of("nhs", "dob", "swapped", "given", "family", "fullName",
            "sector", "postcodes", "yearStart", "yearEnd", "aroundFrom", "aroundTo", "unborn", "motherFamily");
    private static final Map<String, String> BATCH_TYPES = Map.ofEntries(Map.entry("nhs", "char(10)[]"),
            Map.entry("dob", "date[]"), Map.entry("swapped", "date[]"), Map.entry("given", "text[]"),
            Map.entry("family", "text[]"), Map.entry("fullName", "text[]"), Map.entry("sector", "text[]"),
            Map.entry("postcodes", "text[]"), Map.entry("yearStart", "date[]"), Map.entry("yearEnd", "date[]"),
            Map.entry("aroundFrom", "date[]"), Map.entry("aroundTo", "date[]"), Map.entry("unborn", "boolean[]"),
            Map.entry("motherFamily", "text[]"));
    private static final String SEARCH_ALL = searchAllSql();

    /**
     * {@link #SEARCH}'s rules for many children in one statement: each child's parameters a row of arrays,
     * searched row by row (a lateral join), so that each child's candidates are exactly what its own search
     * would find. It gives only the ids: the children found are read once each afterwards, however many of
     * the batch's contacts found the same child.
     */
    private static String searchAllSql() {
        String hits = HITS.replace("CAST(:postcodes AS text[])", "string_to_array(p.postcodes, ',')");
        hits = java.util.regex.Pattern.compile("CAST\\(:(\\w+) AS (?:char\\(10\\)|[a-z]+)\\)").matcher(hits)
                .replaceAll("p.$1");
        if (hits.contains(":")) {
            throw new IllegalStateException("a search parameter is not in the batch's columns");
        }
        StringBuilder unnest = new StringBuilder("CAST(:idx AS int[])");
        BATCH_COLUMNS.forEach(column -> unnest.append(", CAST(:").append(column).append(" AS ")
                .append(BATCH_TYPES.get(column)).append(')'));
        return """
                SELECT p.idx, h.child_id
                  FROM unnest(%s) AS p(idx, %s)
                 CROSS JOIN LATERAL (SELECT child_id FROM (%s) hits LIMIT %d) h
                 ORDER BY p.idx, h.child_id""".formatted(unnest, String.join(", ", BATCH_COLUMNS), hits,
                MAX_CANDIDATES);
    }

    /**
     * The variant rows {@link #rememberEach} writes, one a child and fingerprint, each a position of the arrays: the
     * mother's family name's key is worked out as the table's generated keys are ({@code dmetaphone}). Text arrays,
     * not the columns' own types: a value too long for its column fails as it did as a parameter of its own, where
     * a cast to {@code char(10)[]} would cut it short.
     */
    private static final String REMEMBER = """
            INSERT INTO child_identity_variant (child_id, fingerprint, given_name, family_name, date_of_birth,
                expected_date_of_birth, nhs_number, postcode, postcode_sector, mother_family_key, facts,
                first_seen_at, last_seen_at)
            SELECT c, f, g, n, b, e, h, p, s, dmetaphone(m), CAST(j AS jsonb), t, l
              FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS date[]), CAST(? AS date[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS timestamptz[]),
                          CAST(? AS timestamptz[])) AS r(c, f, g, n, b, e, h, p, s, m, j, t, l)
            ON CONFLICT (child_id, fingerprint)
            DO UPDATE SET last_seen_at = greatest(child_identity_variant.last_seen_at, excluded.last_seen_at)""";

    private final JdbcClient jdbc;
    /** Known children's parsed variants between searches; null: none held, every search reads and parses them. */
    private final HeldVariants held;
    /** Candidates' variants whose facts were taken from {@link #held}, and those read from the store and parsed. */
    private final LongAdder variantsFromMemory = new LongAdder();
    private final LongAdder variantsRead = new LongAdder();

    /** The search statement, with named parameters: for checking its plan. */
    public static String searchSql() {
        return SEARCH;
    }

    /** A finder that holds nothing between searches. */
    public CandidateFinder(JdbcClient jdbc) {
        this(jdbc, null);
    }

    /**
     * A finder that holds known children's parsed variants between searches ({@link HeldVariants}), at most
     * {@code maximumSize} children, each for {@code idle} unused, dropped whenever {@code destructionsHeard}
     * ({@link uk.frontdoor.triage.dataprotection.PersonalDataKeys#destructionsHeard}) moves.
     */
    public CandidateFinder(JdbcClient jdbc, long maximumSize, Duration idle,
                           LongSupplier destructionsHeard) {
        this(jdbc, maximumSize > 0 ? new HeldVariants(maximumSize, idle, destructionsHeard) : null);
    }

    private CandidateFinder(JdbcClient jdbc, HeldVariants held) {
        this.jdbc = jdbc;
        this.held = held;
    }

    /** How many known children's variants are held now (0 when nothing is held). */
    public long childrenHeld() {
        return held == null ? 0 : held.size();
    }

    /**
     * How many candidates' variants have had their facts taken from memory ({@link HeldVariants}) rather than read from
     * {@code child_identity_variant} and parsed, since this finder was made: with {@link #variantsRead}, the hit rate
     * operators see as {@code frontdoor_matching_candidate_variants_total{from="memory"}}.
     */
    public long variantsFromMemory() {
        return variantsFromMemory.sum();
    }

    /** How many candidates' variants have had their facts read from the store and parsed, since this finder was made. */
    public long variantsRead() {
        return variantsRead.sum();
    }

    /** PostgreSQL's plan for this child's search, with the time each step took: for finding a slow rule. */
    public List<String> explain(IdentityFacts child) {
        return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + SEARCH).params(parameters(child)).query(String.class).list();
    }

    /** The known children this child might be, one {@link Candidate} per child id, at most {@link #MAX_CANDIDATES}. */
    public List<Candidate> find(IdentityFacts child) {
        Map<String, Object> params = parameters(child);
        Map<String, List<IdentityFacts>> variants = new LinkedHashMap<>();
        jdbc.sql(SEARCH).params(params).query(rs -> {
            variants.computeIfAbsent(rs.getString("child_id"), id -> new ArrayList<>())
                    .add(read(rs.getString("facts")));
        });
        variants.values().forEach(facts -> variantsRead.add(facts.size()));
        List<Candidate> candidates = new ArrayList<>(variants.size());
        variants.forEach((childId, facts) -> candidates.add(new Candidate(childId, merge(facts))));
        return candidates;
    }

    /**
     * {@link #find} for each of these children, in one statement: the candidates of each, in the order given.
     */
    public List<List<Candidate>> findAll(List<IdentityFacts> children) {
        if (children.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> rows = children.stream().map(CandidateFinder::parameters).toList();
        Map<String, Object> arrays = new LinkedHashMap<>();
        String[] indexes = new String[children.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = Integer.toString(i);
        }
        arrays.put("idx", indexes);
        for (String column : BATCH_COLUMNS) {
            arrays.put(column, rows.stream().map(row -> text(row.get(column))).toArray(String[]::new));
        }
        List<List<String>> hits = new ArrayList<>(children.size());
        children.forEach(child -> hits.add(new ArrayList<>()));
        Set<String> found = new LinkedHashSet<>();
        jdbc.sql(SEARCH_ALL).params(arrays).query(rs -> {
            String childId = rs.getString("child_id");
            hits.get(rs.getInt("idx")).add(childId);
            found.add(childId);
        });
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates(found).forEach(candidate -> byId.put(candidate.childId(), candidate));
        List<List<Candidate>> candidates = new ArrayList<>(children.size());
        for (List<String> ids : hits) {
            candidates.add(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
        }
        return candidates;
    }

    /**
     * PostgreSQL's {@code dmetaphone} of each of three names (null for none), as the blocking rules and the
     * variant rows' keys compute it, in one statement: for each entry of the list, its three keys.
     */
    public List<String[]> soundKeys(List<String[]> names) {
        List<String[]> keys = new ArrayList<>(names.size());
        if (names.isEmpty()) {
            return keys;
        }
        jdbc.sql("""
                        SELECT dmetaphone(a), dmetaphone(b), dmetaphone(c)
                          FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) WITH ORDINALITY AS k(a, b, c, i)
                         ORDER BY i""")
                .params(names.stream().map(entry -> entry[0]).toArray(String[]::new),
                        names.stream().map(entry -> entry[1]).toArray(String[]::new),
                        names.stream().map(entry -> entry[2]).toArray(String[]::new))
                .query(rs -> {
                    keys.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                });
        return keys;
    }

    /** A parameter as an array element: dates as ISO text, the postcodes joined by commas; null stays null. */
    private static String text(Object value) {
        if (value instanceof String[] postcodes) {
            return postcodes.length == 0 ? null : String.join(",", postcodes);
        }
        return value == null ? null : value.toString();
    }

    /**
     * These child records as candidates, each with every variant it was recorded under merged (as
     * {@link #find} gives them), in the order asked; an id never remembered is left out. For searches
     * whose own blocking rules found the ids.
     */
    public List<Candidate> candidates(Collection<String> childIds) {
        if (childIds.isEmpty()) {
            return List.of();
        }
        if (held != null) {
            return candidatesHeld(childIds);
        }
        Map<String, List<IdentityFacts>> variants = new LinkedHashMap<>();
        childIds.forEach(id -> variants.put(id, new ArrayList<>()));
        jdbc.sql("""
                        SELECT child_id, facts FROM child_identity_variant
                         WHERE child_id = ANY(CAST(:ids AS varchar[]))
                         ORDER BY child_id, last_seen_at DESC""")
                .param("ids", childIds.toArray(String[]::new))
                .query(rs -> {
                    variants.get(rs.getString("child_id")).add(read(rs.getString("facts")));
                });
        variants.values().forEach(facts -> variantsRead.add(facts.size()));
        List<Candidate> candidates = new ArrayList<>(variants.size());
        variants.forEach((childId, facts) -> {
            if (!facts.isEmpty()) {
                candidates.add(new Candidate(childId, merge(facts)));
            }
        });
        return candidates;
    }

    /**
     * {@link #candidates} with variants held: every variant of the children is listed from the store, in the same
     * order, but the facts of a variant held (by child and fingerprint) are not sent, and a child whose variants are
     * those of its last merge, in the same order, is not merged again.
     */
    private List<Candidate> candidatesHeld(Collection<String> childIds) {
        long heardAt = held.current();
        Map<String, HeldVariants.Held> known = new LinkedHashMap<>();
        List<String> heldIds = new ArrayList<>();
        List<String> heldFingerprints = new ArrayList<>();
        Map<String, List<String>> order = new LinkedHashMap<>();
        for (String id : childIds) {
            order.put(id, new ArrayList<>(2));
            HeldVariants.Held child = heardAt < 0 ? null : held.get(id);
            if (child != null) {
                known.put(id, child);
                child.byFingerprint().keySet().forEach(fingerprint -> {
                    heldIds.add(id);
                    heldFingerprints.add(fingerprint);
                });
            }
        }
        Map<String, Map<String, IdentityFacts>> parsed = new HashMap<>();
        int[] listed = {0, 0};
        jdbc.sql("""
                        SELECT v.child_id, v.fingerprint, CASE WHEN h.fingerprint IS NULL THEN v.facts END AS facts
                          FROM child_identity_variant v
                          LEFT JOIN unnest(CAST(:heldIds AS varchar[]), CAST(:heldFingerprints AS char(32)[]))
                               AS h(child_id, fingerprint)
                            ON h.child_id = v.child_id AND h.fingerprint = v.fingerprint
                         WHERE v.child_id = ANY(CAST(:ids AS varchar[]))
                         ORDER BY v.child_id, v.last_seen_at DESC""")
                .param("heldIds", heldIds.toArray(String[]::new))
                .param("heldFingerprints", heldFingerprints.toArray(String[]::new))
                .param("ids", childIds.toArray(String[]::new))
                .query(rs -> {
                    String childId = rs.getString("child_id");
                    String fingerprint = rs.getString("fingerprint");
                    order.get(childId).add(fingerprint);
                    String json = rs.getString("facts");
                    listed[0]++;
                    if (json != null) {
                        listed[1]++;
                        parsed.computeIfAbsent(childId, id -> new HashMap<>(2)).put(fingerprint, read(json));
                    }
                });
        variantsFromMemory.add(listed[0] - listed[1]);
        variantsRead.add(listed[1]);
        List<Candidate> candidates = new ArrayList<>(order.size());
        order.forEach((childId, fingerprints) -> {
            if (fingerprints.isEmpty()) {
                return;
            }
            HeldVariants.Held before = known.get(childId);
            Map<String, IdentityFacts> read = parsed.getOrDefault(childId, Map.of());
            if (before != null && read.isEmpty() && fingerprints.equals(before.mergedOrder())) {
                candidates.add(before.merged());
                return;
            }
            List<IdentityFacts> newestFirst = new ArrayList<>(fingerprints.size());
            Map<String, IdentityFacts> byFingerprint = new HashMap<>(fingerprints.size() * 2);
            for (String fingerprint : fingerprints) {
                IdentityFacts facts = read.get(fingerprint);
                if (facts == null) {
                    // Not sent because held when asked for: held still in what was taken before the statement.
                    facts = before.facts(fingerprint);
                }
                newestFirst.add(facts);
                byFingerprint.put(fingerprint, facts);
            }
            Candidate candidate = new Candidate(childId, merge(newestFirst));
            candidates.add(candidate);
            held.keep(childId, new HeldVariants.Held(Map.copyOf(byFingerprint), List.copyOf(fingerprints), candidate),
                    heardAt);
        });
        return candidates;
    }

    /**
     * Remembers that this child record was recorded with these facts, at {@code seenAt}. A variant seen
     * before only has its last-seen time moved on; the most recently seen variant is the child's current
     * name and address when merged.
     */
    public void remember(String childId, IdentityFacts facts, Instant seenAt) {
        rememberAll(List.of(new Seen(childId, facts)), seenAt);
    }

    /** A child record and facts it was recorded with. */
    public record Seen(String childId, IdentityFacts facts) {
    }

    /** {@link #remember} for many at once (for loading existing children): one statement per 500. */
    public void rememberAll(List<Seen> seen, Instant seenAt) {
        rememberEach(seen.stream().map(one -> new SeenAt(one.childId(), one.facts(), seenAt)).toList());
    }

    /** A child record, facts it was recorded with, and when. */
    public record SeenAt(String childId, IdentityFacts facts, Instant at) {
    }

    /**
     * {@link #remember} for many, each seen at its own time, in one statement per 500; the same variant of a
     * child twice counts as seen at the later time.
     */
    public void rememberEach(List<SeenAt> seen) {
        for (int from = 0; from < seen.size(); from += BATCH) {
            // ON CONFLICT cannot touch one row twice in one statement: one row per child and variant.
            Map<String, Object[]> rows = new LinkedHashMap<>();
            Map<Object[], IdentityFacts> facts = new IdentityHashMap<>();
            for (SeenAt s : seen.subList(from, Math.min(seen.size(), from + BATCH))) {
                IdentityFacts seenAs = s.facts();
                String json = write(seenAs);
                String fingerprint = fingerprint(json);
                String postcode = Normalise.postcode(seenAs.postcode());
                Timestamp at = Timestamp.from(s.at());
                Object[] row = {s.childId(), fingerprint,
                        seenAs.givenNames().isEmpty() ? null : Normalise.firstWord(seenAs.givenNames().get(0)),
                        Normalise.name(seenAs.familyName()), date(seenAs.dateOfBirth()), date(seenAs.expectedDateOfBirth()),
                        Normalise.nhsNumber(seenAs.nhsNumber()), postcode, Normalise.sector(postcode),
                        seenAs.mother() == null ? null : Normalise.name(seenAs.mother().familyName()), json, at, at};
                facts.put(row, seenAs);
                rows.merge(s.childId() + fingerprint, row, (earlier, later) ->
                        ((Timestamp) later[12]).after((Timestamp) earlier[12]) ? later : earlier);
            }
            // One statement text whatever the number of rows (each row count was a statement of its own, parsed and
            // planned afresh, with 13 parameters a row): the rows' columns as arrays, dates and times as ISO text.
            List<Object[]> values = List.copyOf(rows.values());
            jdbc.sql(REMEMBER)
                    .params(column(values, 0), column(values, 1), column(values, 2), column(values, 3),
                            column(values, 4), column(values, 5), column(values, 6), column(values, 7),
                            column(values, 8), column(values, 9), column(values, 10), column(values, 11),
                            column(values, 12))
                    .update();
            if (held != null) {
                // Held by content (the fingerprint is the JSON's digest): should the transaction roll back, the facts
                // are still those of any row stored under this child and fingerprint later.
                long heardAt = held.current();
                rows.values().forEach(row -> held.add((String) row[0], (String) row[1], facts.get(row), heardAt));
            }
        }
    }

    /** One column of {@link #rememberEach}'s rows as text for its array: dates and instants in ISO form. */
    private static String[] column(List<Object[]> rows, int index) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            Object value = rows.get(i)[index];
            column[i] = value == null ? null
                    : value instanceof Timestamp at ? at.toInstant().toString() : value.toString();
        }
        return column;
    }

    /**
     * One child's variants, most recently seen first, as one set of facts: the latest name and address are
     * current, the others previous; every given name and household member seen is kept.
     */
    static IdentityFacts merge(List<IdentityFacts> newestFirst) {
        IdentityFacts latest = newestFirst.get(0);
        if (newestFirst.size() == 1) {
            return latest;
        }
        IdentityFacts.Builder merged = IdentityFacts.builder();
        Set<String> givenNames = new LinkedHashSet<>();
        Set<String> previousFamilyNames = new LinkedHashSet<>();
        Set<String> previousPostcodes = new LinkedHashSet<>();
        Map<String, IdentityFacts.Person> household = new LinkedHashMap<>();
        String family = null;
        String postcode = null;
        for (IdentityFacts f : newestFirst) {
            givenNames.addAll(f.givenNames());
            if (family == null && Normalise.name(f.familyName()) != null) {
                family = f.familyName();
                merged.familyName(family);
            } else if (f.familyName() != null) {
                previousFamilyNames.add(f.familyName());
            }
            previousFamilyNames.addAll(f.previousFamilyNames());
            if (postcode == null && Normalise.postcode(f.postcode()) != null) {
                postcode = f.postcode();
                merged.postcode(postcode);
                if (!f.addressLines().isEmpty()) {
                    merged.addressLines(f.addressLines());
                }
            } else if (f.postcode() != null) {
                previousPostcodes.add(f.postcode());
            }
            previousPostcodes.addAll(f.previousPostcodes());
            for (IdentityFacts.Person p : f.household()) {
                household.putIfAbsent(Normalise.name(p.givenName()) + "|" + p.dateOfBirth(), p);
            }
        }
        merged.givenNames(givenNames.toArray(String[]::new));
        String currentFamily = family;
        merged.previousFamilyNames(previousFamilyNames.stream()
                .filter(n -> !Objects.equals(Normalise.name(n), Normalise.name(currentFamily))).toList());
        String currentPostcode = postcode;
        merged.previousPostcodes(previousPostcodes.stream()
                .filter(p -> !Objects.equals(Normalise.postcode(p), Normalise.postcode(currentPostcode))).toList());
        merged.household(List.copyOf(household.values()));
        merged.dateOfBirth(first(newestFirst, IdentityFacts::dateOfBirth));
        merged.expectedDateOfBirth(first(newestFirst, IdentityFacts::expectedDateOfBirth));
        merged.sex(first(newestFirst, IdentityFacts::sex));
        merged.nhsNumber(first(newestFirst, f -> Normalise.nhsNumber(f.nhsNumber())));
        merged.mother(first(newestFirst, IdentityFacts::mother));
        return merged.build();
    }

    private static <T> T first(List<IdentityFacts> facts, java.util.function.Function<IdentityFacts, T> value) {
        for (IdentityFacts f : facts) {
            T v = value.apply(f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Map<String, Object> parameters(IdentityFacts child) {
        String given = child.givenNames().isEmpty() ? null : Normalise.firstWord(child.givenNames().get(0));
        String family = Normalise.name(child.familyName());
        LocalDate dob = child.dateOfBirth();
        LocalDate around = dob != null ? dob : child.expectedDateOfBirth();
        String postcode = Normalise.postcode(child.postcode());
        List<String> previous = child.previousPostcodes().stream().map(Normalise::postcode).filter(Objects::nonNull)
                .toList();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("nhs", Normalise.nhsNumber(child.nhsNumber()));
        params.put("dob", date(dob));
        params.put("swapped", date(swapped(dob)));
        params.put("given", given);
        params.put("family", family);
        params.put("fullName", fullName(given, family));
        params.put("sector", Normalise.sector(postcode));
        List<String> postcodes = new ArrayList<>(previous.size() + 1);
        if (postcode != null) {
            postcodes.add(postcode);
        }
        postcodes.addAll(previous);
        params.put("postcodes", postcodes.toArray(String[]::new));
        params.put("yearStart", dob == null ? null : date(LocalDate.of(dob.getYear(), 1, 1)));
        params.put("yearEnd", dob == null ? null : date(LocalDate.of(dob.getYear() + 1, 1, 1)));
        params.put("aroundFrom", around == null ? null : date(around.minusDays(EXPECTED_WINDOW_DAYS)));
        params.put("aroundTo", around == null ? null : date(around.plusDays(EXPECTED_WINDOW_DAYS)));
        params.put("unborn", dob == null);
        params.put("motherFamily", child.mother() == null ? null : Normalise.name(child.mother().familyName()));
        params.put("limit", MAX_CANDIDATES);
        return params;
    }

    private static String fullName(String given, String family) {
        if (given == null && family == null) {
            return null;
        }
        return (given == null ? "" : given) + " " + (family == null ? "" : family);
    }

    static LocalDate swapped(LocalDate dob) {
        if (dob == null || dob.getDayOfMonth() > 12 || dob.getDayOfMonth() == dob.getMonthValue()) {
            return null;
        }
        return LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static String write(IdentityFacts facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            // The cause would quote the child's details: say only what failed.
            throw new IllegalStateException("identity facts could not be written as JSON");
        }
    }

    private static IdentityFacts read(String json) {
        try {
            return JSON.readValue(json, IdentityFacts.class);
        } catch (JsonProcessingException e) {
            // The message would quote the child's details: say only what failed.
            throw new IllegalStateException("stored identity facts could not be read");
        }
    }

    private static String fingerprint(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
