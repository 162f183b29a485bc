package uk.frontdoor.intake.submission;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.ContactSubmission.Address;
import uk.frontdoor.triage.api.value.ContactSubmission.Child;
import uk.frontdoor.triage.api.value.ContactSubmission.Concerns;
import uk.frontdoor.triage.api.value.ContactSubmission.Consent;
import uk.frontdoor.triage.api.value.ContactSubmission.ConsentStatus;
import uk.frontdoor.triage.api.value.ContactSubmission.HouseholdMember;
import uk.frontdoor.triage.api.value.ContactSubmission.Referrer;
import uk.frontdoor.triage.api.value.ContactSubmission.Sex;

/**
 * Reads a partner's version-1 contact submission (the JSON published as
 * {@code static/schemas/contact-submission-v1.schema.json}) and checks it as a careful registry would.
 *
 * <p>The body is parsed to a tree and walked once, collecting every violation, so a partner fixes all
 * of its mistakes in one round trip. Only a clean tree becomes a {@link ContactSubmission}, built from
 * the checked and normalised values (trimmed text, NFC names, ten-digit NHS numbers, upper-case
 * postcodes with one space).
 *
 * <p>Decisions a reader of the contract should know:
 * <ul>
 *   <li>JSON {@code null} for an optional field means "not given"; an empty or blank string is a
 *       violation (send null or leave the field out), because "" usually hides a mapping bug.</li>
 *   <li>A child is under 18 on the day of receipt (Europe/London). Care leavers and young adults go to
 *       other services, not the children's front door.</li>
 *   <li>An unborn child has {@code expectedDateOfBirth} instead of {@code dateOfBirth}, may be nameless,
 *       and cannot have an NHS number (one given is almost always the mother's, and would mis-match).
 *       The expected date may be up to 14 days past: a pregnancy is only post-term after 42 weeks.</li>
 *   <li>Household members need only a relationship: an unnamed adult in the home is itself something
 *       the front door must record, not a reason to bounce the contact.</li>
 *   <li>An address needs line1 and town; the postcode is optional (not every known address comes with
 *       one) but must be a real UK format when given. BFPO and overseas addresses are not accepted.</li>
 *   <li>Duplicate field names and content after the object are malformed JSON: a second
 *       {@code nhsNumber} silently winning is how wrong children get matched.</li>
 * </ul>
 *
 * <p>Violations name the field and the rule, never the value. An unknown field is named in the path
 * only when its name looks like an identifier; other names are withheld, since a field name is also
 * producer-controlled text.
 */
public final class SubmissionReader {

    /** Narrative at the limit, fully \\u-escaped, with every other field at its limit, fits well inside this. */
    public static final int MAX_BODY_BYTES = 512 * 1024;
    public static final int MAX_NARRATIVE = 20_000;
    public static final int MIN_NARRATIVE = 10;
    public static final int MAX_ACTIONS_TAKEN = 5_000;
    public static final int MAX_CONSENT_REASON = 2_000;
    public static final int MAX_HOUSEHOLD = 30;
    public static final int MAX_FACTORS = 30;
    public static final int MAX_INDICATORS = 30;
    public static final int MAX_NAME = 100;
    /** A body with more problems than this is garbage; listing them all would only feed a log flood. */
    public static final int MAX_VIOLATIONS = 100;

    /** Dates of birth and "today" are English dates, whatever the server's zone. */
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int ADULT_AGE = 18;
    static final int UNBORN_OVERDUE_DAYS = 14;
    static final int GESTATION_MONTHS = 10;
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    static final Pattern SUBMISSION_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M} '\u2019.-]+");
    static final Pattern LETTER = Pattern.compile("\\p{L}");
    static final Pattern NHS_NUMBER = Pattern.compile("[0-9]{10}|[0-9]{3} [0-9]{3} [0-9]{4}");
    /** Royal Mail format rules for the outward and inward codes, plus the Girobank special case. */
    static final Pattern POSTCODE = Pattern.compile(
            "GIR ?0AA|(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
                    + "|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2}");
    /** Digits, spaces, parentheses and a leading plus, with 10 to 15 digits in all. */
    static final Pattern PHONE = Pattern.compile("\\+?[ ()]*(?:[0-9][ ()]*){10,15}");
    static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    /** ISO 8601 with a mandatory offset; java.time alone would also take a lower-case t or z. */
    static final Pattern ISO_DATE_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"
            + "(?::[0-9]{2}(?:\\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    static final Set<String> SUBMISSION_FIELDS = Set.of("submissionId", "referralSource", "referrer", "child",
            "household", "concerns", "awareSince", "consent", "immediateRisk", "actionsTaken");
    static final Set<String> REFERRER_FIELDS = Set.of("name", "role", "agency", "phone", "email");
    static final Set<String> CHILD_FIELDS = Set.of("givenName", "familyName", "dateOfBirth", "expectedDateOfBirth",
            "sex", "nhsNumber", "address", "ethnicity", "firstLanguage", "interpreterNeeded");
    static final Set<String> ADDRESS_FIELDS = Set.of("line1", "line2", "town", "postcode");
    static final Set<String> MEMBER_FIELDS = Set.of("givenName", "familyName", "relationship", "dateOfBirth");
    static final Set<String> CONCERNS_FIELDS = Set.of("factors", "indicators", "narrative");
    static final Set<String> CONSENT_FIELDS = Set.of("status", "reason");

    private final ObjectReader reader;
    private final Clock clock;
    private final Predicate<String> knownIndicator;
    private final long maxBodyBytes;

    public SubmissionReader(ObjectMapper mapper, Clock clock, Predicate<String> knownIndicator) {
        this(mapper, clock, knownIndicator, MAX_BODY_BYTES);
    }

    /** @param maxBodyBytes the largest body accepted, whichever channel it came by (at most {@link #MAX_BODY_BYTES}) */
    public SubmissionReader(ObjectMapper mapper, Clock clock, Predicate<String> knownIndicator, long maxBodyBytes) {
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + MAX_BODY_BYTES);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.reader = Objects.requireNonNull(mapper, "mapper").reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.knownIndicator = Objects.requireNonNull(knownIndicator, "knownIndicator");
    }

    /** Parses and validates a version-1 submission; reports EVERY invalid field at once. */
    public ContactSubmission read(byte[] json) throws SubmissionRejectedException {
        Objects.requireNonNull(json, "json");
        if (json.length > maxBodyBytes) {
            throw new SubmissionRejectedException(RejectionReason.TOO_LARGE,
                    List.of(new Violation("", "is larger than " + maxBodyBytes + " bytes")));
        }
        JsonNode root = parse(json);
        Instant now = clock.instant();
        Walk walk = new Walk(now, LocalDate.ofInstant(now, LONDON));
        ContactSubmission submission = walk.submission(root);
        if (!walk.violations.isEmpty()) {
            throw new SubmissionRejectedException(RejectionReason.INVALID_SUBMISSION, walk.violations);
        }
        return submission;
    }

    private JsonNode parse(byte[] json) {
        JsonNode root;
        try {
            root = reader.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input: only the location and our own wording leave this method.
            throw malformed(wording(e) + at(e.getLocation()));
        } catch (IOException e) {
            throw malformed("could not be read as JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw malformed("is empty");
        }
        return root;
    }

    private static String wording(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field")) {
            return "has a duplicate field name";
        }
        if (original != null && original.startsWith("Trailing token")) {
            return "has content after the JSON value";
        }
        return "is not well-formed JSON";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static SubmissionRejectedException malformed(String problem) {
        return new SubmissionRejectedException(RejectionReason.MALFORMED_JSON, List.of(new Violation("", problem)));
    }

    /** One pass over one submission's tree. Every method returns null for a missing or invalid value. */
    private final class Walk {

        final List<Violation> violations = new ArrayList<>();
        final Instant now;
        final LocalDate today;

        Walk(Instant now, LocalDate today) {
            this.now = now;
            this.today = today;
        }

        ContactSubmission submission(JsonNode root) {
            if (!root.isObject()) {
                violation("", "must be a JSON object");
                return null;
            }
            Obj body = new Obj((ObjectNode) root, "", SUBMISSION_FIELDS);

            String submissionId = body.text("submissionId", true, 100, Text.SINGLE_LINE);
            if (submissionId != null && !SUBMISSION_ID.matcher(submissionId).matches()) {
                violation(body.path("submissionId"), "may contain only letters, digits and . _ : / -");
            }
            String referralSource = body.code("referralSource", true, CensusCodes::isReferralSource,
                    "must be a DfE Children in Need census referral-source code");
            boolean anonymous = CensusCodes.ANONYMOUS.equals(referralSource);
            Referrer referrer = referrer(body, anonymous);
            Child child = child(body);
            List<HouseholdMember> household = household(body);
            Concerns concerns = concerns(body);
            Instant awareSince = awareSince(body, child);
            Consent consent = consent(body);
            Boolean immediateRisk = body.bool("immediateRisk", true);
            String actionsTaken = body.text("actionsTaken", false, MAX_ACTIONS_TAKEN, Text.MULTI_LINE);

            if (!violations.isEmpty()) {
                return null;
            }
            return new ContactSubmission(submissionId, referralSource, referrer, child, household, concerns,
                    awareSince, consent, immediateRisk, actionsTaken);
        }

        private Referrer referrer(Obj body, boolean anonymous) {
            // Census source 9 means the referrer would not say who they are: nothing about them is required.
            Obj obj = body.object("referrer", !anonymous, REFERRER_FIELDS);
            if (obj == null) {
                return null;
            }
            String name = obj.text("name", !anonymous, 200, Text.SINGLE_LINE);
            String role = obj.text("role", false, 100, Text.SINGLE_LINE);
            String agency = obj.text("agency", false, 200, Text.SINGLE_LINE);
            String phone = obj.text("phone", false, 30, Text.SINGLE_LINE);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                violation(obj.path("phone"),
                        "must be a telephone number of 10 to 15 digits (spaces, brackets and a leading + allowed)");
            }
            String email = obj.text("email", false, 254, Text.SINGLE_LINE);
            if (email != null && !EMAIL.matcher(email).matches()) {
                violation(obj.path("email"), "must be an email address such as name@agency.example");
            }
            return new Referrer(name, role, agency, phone, email);
        }

        private Child child(Obj body) {
            Obj obj = body.object("child", true, CHILD_FIELDS);
            if (obj == null) {
                return null;
            }
            boolean hasBirth = obj.present("dateOfBirth");
            boolean hasExpected = obj.present("expectedDateOfBirth");
            LocalDate dateOfBirth = null;
            LocalDate expected = null;
            if (hasBirth && hasExpected) {
                violation(obj.path("expectedDateOfBirth"),
                        "must not be given with dateOfBirth: give dateOfBirth for a born child, expectedDateOfBirth for an unborn one");
            } else if (!hasBirth && !hasExpected) {
                violation(obj.path("dateOfBirth"), "is required (or expectedDateOfBirth for an unborn child)");
            } else if (hasBirth) {
                dateOfBirth = obj.date("dateOfBirth", true);
                if (dateOfBirth != null) {
                    if (dateOfBirth.isAfter(today)) {
                        violation(obj.path("dateOfBirth"), "must not be in the future");
                        dateOfBirth = null;
                    } else if (!dateOfBirth.isAfter(today.minusYears(ADULT_AGE))) {
                        // minusYears keeps a 29 February birthday's 18th on 1 March, as English law has it.
                        violation(obj.path("dateOfBirth"), "gives an age of 18 or over: the front door takes children only");
                        dateOfBirth = null;
                    }
                }
            } else {
                expected = obj.date("expectedDateOfBirth", true);
                if (expected != null) {
                    if (expected.isBefore(today.minusDays(UNBORN_OVERDUE_DAYS))) {
                        violation(obj.path("expectedDateOfBirth"), "must not be more than " + UNBORN_OVERDUE_DAYS
                                + " days in the past (if the child has been born, give dateOfBirth)");
                        expected = null;
                    } else if (expected.isAfter(today.plusMonths(GESTATION_MONTHS))) {
                        violation(obj.path("expectedDateOfBirth"),
                                "must not be more than " + GESTATION_MONTHS + " months ahead");
                        expected = null;
                    }
                }
            }
            boolean unborn = !hasBirth && hasExpected;
            String givenName = obj.name("givenName", !unborn);
            String familyName = obj.name("familyName", !unborn);
            Sex sex = obj.enumeration("sex", true, Sex.class);
            String nhsNumber = null;
            if (unborn && obj.present("nhsNumber")) {
                violation(obj.path("nhsNumber"), "must not be given for an unborn child");
            } else {
                nhsNumber = nhsNumber(obj);
            }
            Address address = address(obj);
            String ethnicity = obj.code("ethnicity", false, CensusCodes::isEthnicity, "must be a DfE ethnicity code");
            String firstLanguage = obj.text("firstLanguage", false, 50, Text.SINGLE_LINE);
            Boolean interpreterNeeded = obj.bool("interpreterNeeded", false);
            return new Child(givenName, familyName, dateOfBirth, expected, sex, nhsNumber, address, ethnicity,
                    firstLanguage, interpreterNeeded);
        }

        private String nhsNumber(Obj child) {
            String raw = child.text("nhsNumber", false, 12, Text.SINGLE_LINE);
            if (raw == null) {
                return null;
            }
            if (!NHS_NUMBER.matcher(raw).matches()) {
                violation(child.path("nhsNumber"), "must be 10 digits, optionally spaced 3 3 4");
                return null;
            }
            String digits = raw.replace(" ", "");
            if (!NhsNumber.isValid(digits)) {
                violation(child.path("nhsNumber"), "is not a valid NHS number (check digit)");
                return null;
            }
            return digits;
        }

        private Address address(Obj child) {
            Obj obj = child.object("address", false, ADDRESS_FIELDS);
            if (obj == null) {
                return null;
            }
            String line1 = obj.text("line1", true, 100, Text.SINGLE_LINE);
            String line2 = obj.text("line2", false, 100, Text.SINGLE_LINE);
            String town = obj.text("town", true, 100, Text.SINGLE_LINE);
            String postcode = obj.text("postcode", false, 8, Text.SINGLE_LINE);
            if (postcode != null) {
                String upper = postcode.toUpperCase(Locale.ROOT);
                if (POSTCODE.matcher(upper).matches()) {
                    String compact = upper.replace(" ", "");
                    postcode = compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
                } else {
                    violation(obj.path("postcode"), "must be a UK postcode such as SL1 1AA");
                    postcode = null;
                }
            }
            return new Address(line1, line2, town, postcode);
        }

        private List<HouseholdMember> household(Obj body) {
            List<JsonNode> items = body.array("household", false, MAX_HOUSEHOLD, "members");
            if (items == null) {
                return List.of();
            }
            List<HouseholdMember> members = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = body.path("household") + "[" + i + "]";
                JsonNode item = items.get(i);
                if (!item.isObject()) {
                    violation(itemPath, "must be a JSON object");
                    continue;
                }
                Obj obj = new Obj((ObjectNode) item, itemPath, MEMBER_FIELDS);
                String givenName = obj.name("givenName", false);
                String familyName = obj.name("familyName", false);
                String relationship = obj.code("relationship", true, HouseholdRelationships::isKnown,
                        "must be one of " + String.join(", ", HouseholdRelationships.CODES));
                LocalDate dateOfBirth = obj.date("dateOfBirth", false);
                if (dateOfBirth != null && dateOfBirth.isAfter(today)) {
                    violation(obj.path("dateOfBirth"), "must not be in the future");
                } else if (dateOfBirth != null && dateOfBirth.isBefore(EARLIEST_BIRTH)) {
                    violation(obj.path("dateOfBirth"), "must not be before 1900");
                }
                members.add(new HouseholdMember(givenName, familyName, relationship, dateOfBirth));
            }
            return members;
        }

        private Concerns concerns(Obj body) {
            Obj obj = body.object("concerns", true, CONCERNS_FIELDS);
            if (obj == null) {
                return null;
            }
            List<String> factors = factors(obj);
            List<String> indicators = indicators(obj);
            String narrative = obj.text("narrative", true, MAX_NARRATIVE, Text.MULTI_LINE);
            if (narrative != null && narrative.codePointCount(0, narrative.length()) < MIN_NARRATIVE) {
                violation(obj.path("narrative"), "must be at least " + MIN_NARRATIVE + " characters");
            }
            return new Concerns(factors, indicators, narrative);
        }

        private List<String> factors(Obj concerns) {
            List<JsonNode> items = concerns.array("factors", true, MAX_FACTORS, "factors");
            if (items == null) {
                return null;
            }
            String path = concerns.path("factors");
            if (items.isEmpty()) {
                violation(path, "must have at least one factor (use 21 when no factors are identified)");
                return null;
            }
            List<String> factors = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode item = items.get(i);
                if (!item.isTextual()) {
                    violation(itemPath, "must be a string");
                } else if (!CensusCodes.isAssessmentFactor(item.textValue())) {
                    violation(itemPath, "must be a DfE Children in Need census assessment-factor code");
                } else if (!seen.add(item.textValue())) {
                    violation(itemPath, "repeats an earlier factor");
                } else if (CensusCodes.NO_FACTORS_IDENTIFIED.equals(item.textValue()) && items.size() > 1) {
                    violation(itemPath, "21 (no factors identified) cannot be combined with other factors");
                } else {
                    factors.add(item.textValue());
                }
            }
            return factors;
        }

        private List<String> indicators(Obj concerns) {
            List<JsonNode> items = concerns.array("indicators", false, MAX_INDICATORS, "indicators");
            if (items == null) {
                return List.of();
            }
            String path = concerns.path("indicators");
            List<String> indicators = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                JsonNode item = items.get(i);
                if (!item.isTextual()) {
                    violation(itemPath, "must be a string");
                } else if (!knownIndicator.test(item.textValue())) {
                    violation(itemPath, "is not a known indicator");
                } else if (!seen.add(item.textValue())) {
                    violation(itemPath, "repeats an earlier indicator");
                } else {
                    indicators.add(item.textValue());
                }
            }
            return indicators;
        }

        private Instant awareSince(Obj body, Child child) {
            String raw = body.text("awareSince", true, 40, Text.SINGLE_LINE);
            if (raw == null) {
                return null;
            }
            Instant awareSince = null;
            if (ISO_DATE_TIME.matcher(raw).matches()) {
                try {
                    awareSince = OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    // falls through to the violation
                }
            }
            if (awareSince == null) {
                violation(body.path("awareSince"), "must be a date and time with an offset, such as 2026-11-20T21:40:00Z");
                return null;
            }
            if (awareSince.isAfter(now.plus(CLOCK_SKEW))) {
                violation(body.path("awareSince"), "must not be in the future");
                return null;
            }
            LocalDate birth = child == null ? null
                    : child.dateOfBirth() != null ? child.dateOfBirth() : child.expectedDateOfBirth();
            if (birth != null
                    && awareSince.isBefore(birth.minusMonths(GESTATION_MONTHS).atStartOfDay(LONDON).toInstant())) {
                violation(body.path("awareSince"), "must not be more than " + GESTATION_MONTHS
                        + " months before the child's (expected) date of birth");
                return null;
            }
            return awareSince;
        }

        private Consent consent(Obj body) {
            Obj obj = body.object("consent", true, CONSENT_FIELDS);
            if (obj == null) {
                return null;
            }
            ConsentStatus status = obj.enumeration("status", true, ConsentStatus.class);
            // Working Together: sharing without consent is lawful to protect a child, but the reason must be recorded.
            boolean reasonRequired = status == ConsentStatus.REFUSED || status == ConsentStatus.NOT_SOUGHT;
            String reason = obj.text("reason", reasonRequired, MAX_CONSENT_REASON, Text.MULTI_LINE);
            return new Consent(status, reason);
        }

        void violation(String field, String problem) {
            if (violations.size() < MAX_VIOLATIONS) {
                violations.add(new Violation(field, problem));
            } else if (violations.size() == MAX_VIOLATIONS) {
                violations.add(new Violation("", "has more than " + MAX_VIOLATIONS + " problems; the rest are not listed"));
            }
        }

        /** One JSON object being walked: reports unknown fields on construction, then reads fields by rule. */
        private final class Obj {

            final ObjectNode node;
            final String path;

            Obj(ObjectNode node, String path, Set<String> allowed) {
                this.node = node;
                this.path = path;
                Iterator<String> names = node.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    if (allowed.contains(name)) {
                        continue;
                    }
                    if (FIELD_NAME.matcher(name).matches()) {
                        violation(path(name), "unknown field");
                    } else {
                        violation(path, "has a field whose name is not allowed (name withheld)");
                    }
                }
            }

            String path(String field) {
                return path.isEmpty() ? field : path + "." + field;
            }

            /** Present and not JSON null. */
            boolean present(String field) {
                JsonNode value = node.get(field);
                return value != null && !value.isNull();
            }

            /** The value, or null after reporting it missing when required. */
            private JsonNode value(String field, boolean required) {
                JsonNode value = node.get(field);
                if (value == null || value.isNull()) {
                    if (required) {
                        violation(path(field), "is required");
                    }
                    return null;
                }
                return value;
            }

            String text(String field, boolean required, int maxLength, Text kind) {
                JsonNode value = value(field, required);
                if (value == null) {
                    return null;
                }
                if (!value.isTextual()) {
                    violation(path(field), "must be a string");
                    return null;
                }
                String text = value.textValue().strip();
                if (text.isEmpty()) {
                    violation(path(field), required ? "is required and must not be blank" : "must not be blank (leave it out instead)");
                    return null;
                }
                String characterProblem = kind.characterProblem(text);
                if (characterProblem != null) {
                    violation(path(field), characterProblem);
                    return null;
                }
                if (text.codePointCount(0, text.length()) > maxLength) {
                    violation(path(field), "must be at most " + maxLength + " characters");
                    return null;
                }
                return text;
            }

            String name(String field, boolean required) {
                String text = text(field, required, MAX_NAME, Text.SINGLE_LINE);
                if (text == null) {
                    return null;
                }
                // NFC so that a name typed with a combining accent matches the same name typed precomposed.
                text = Normalizer.normalize(text, Normalizer.Form.NFC);
                if (!NAME.matcher(text).matches()) {
                    violation(path(field), "may contain only letters, spaces, hyphens, apostrophes and full stops");
                    return null;
                }
                if (!LETTER.matcher(text).find()) {
                    violation(path(field), "must contain a letter");
                    return null;
                }
                return text;
            }

            String code(String field, boolean required, Predicate<String> known, String problem) {
                JsonNode value = value(field, required);
                if (value == null) {
                    return null;
                }
                if (!value.isTextual()) {
                    violation(path(field), "must be a string");
                    return null;
                }
                if (!known.test(value.textValue())) {
                    violation(path(field), problem);
                    return null;
                }
                return value.textValue();
            }

            <E extends Enum<E>> E enumeration(String field, boolean required, Class<E> type) {
                List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
                String code = code(field, required, names::contains, "must be one of " + String.join(", ", names));
                return code == null ? null : Enum.valueOf(type, code);
            }

            Boolean bool(String field, boolean required) {
                JsonNode value = value(field, required);
                if (value == null) {
                    return null;
                }
                if (!value.isBoolean()) {
                    violation(path(field), "must be true or false");
                    return null;
                }
                return value.booleanValue();
            }

            LocalDate date(String field, boolean required) {
                JsonNode value = value(field, required);
                if (value == null) {
                    return null;
                }
                if (!value.isTextual()) {
                    violation(path(field), "must be a string");
                    return null;
                }
                String text = value.textValue();
                if (ISO_DATE.matcher(text).matches()) {
                    try {
                        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                    } catch (DateTimeParseException e) {
                        // falls through to the violation
                    }
                }
                violation(path(field), "must be a real date in the form YYYY-MM-DD");
                return null;
            }

            Obj object(String field, boolean required, Set<String> allowed) {
                JsonNode value = value(field, required);
                if (value == null) {
                    return null;
                }
                if (!value.isObject()) {
                    violation(path(field), "must be a JSON object");
                    return null;
                }
                return new Obj((ObjectNode) value, path(field), allowed);
            }

            List<JsonNode> array(String field, boolean required, int maxItems, String itemNoun) {
                JsonNode value = value(field, required);
                if (value == null) {
                    return null;
                }
                if (!value.isArray()) {
                    violation(path(field), "must be an array");
                    return null;
                }
                if (value.size() > maxItems) {
                    violation(path(field), "must have at most " + maxItems + " " + itemNoun);
                    return null;
                }
                List<JsonNode> items = new ArrayList<>(value.size());
                value.forEach(items::add);
                return items;
            }
        }
    }

    /** What characters a free-text field may hold. */
    enum Text {
        SINGLE_LINE(false), MULTI_LINE(true);

        private final boolean lineBreaks;

        Text(boolean lineBreaks) {
            this.lineBreaks = lineBreaks;
        }

        /** Null when acceptable; otherwise the problem, which never quotes the text. */
        String characterProblem(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                if (Character.isSurrogate(c)) {
                    return "contains an invalid character (unpaired surrogate)";
                }
                // CR is allowed with LF so Windows line endings survive; both are stored as sent.
                boolean allowed = lineBreaks && (c == '\n' || c == '\r' || c == '\t');
                if (!allowed && (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029')) {
                    return lineBreaks ? "contains control characters (only line breaks and tabs are allowed)"
                            : "contains control characters or line breaks";
                }
            }
            return null;
        }
    }
}
