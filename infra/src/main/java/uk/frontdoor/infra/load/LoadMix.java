package uk.frontdoor.infra.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.frontdoor.infra.load.LoadSettings.Partner;
import uk.frontdoor.intake.submission.NhsNumber;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fictional contacts in the proportions a front door sees them: police domestic-abuse notifications
 * the largest share (and the whole of the morning burst), then schools, then health; some children
 * contacted about again in the run, often by another agency and, from the police, usually without their
 * NHS number, so that matching has to recognise them. Not thread-safe: one sender thread draws from it.
 * Public for the fault runs, which send its contacts themselves to follow each one.
 */
public final class LoadMix {

    /** One submission to send; {@code valid} says whether the front door should take it. */
    public record Submission(Partner partner, String submissionId, byte[] body, boolean valid, boolean repeat,
                      boolean withNhsNumber) {
    }

    private record Scenario(Partner partner, String referralSource, List<String> factors, List<String> indicators,
                            String narrative) {
    }

    private record Child(String givenName, String familyName, LocalDate dateOfBirth, String sex, String nhsNumber,
                         String line1, String postcode, String parentName) {
    }

    // Domestic abuse first and most often: it is most of what the police send a front door.
    private static final List<Scenario> POLICE = List.of(
            new Scenario(Partner.POLICE, "6", List.of("3A"), List.of("CHILD_PRESENT"),
                    "Domestic incident at the home overnight. Verbal argument between adults; child present but asleep upstairs."),
            new Scenario(Partner.POLICE, "6", List.of("3A"), List.of("CHILD_PRESENT", "REPEAT_INCIDENT"),
                    "Further call-out to the address this year. Child present and witnessed the argument."),
            new Scenario(Partner.POLICE, "6", List.of("3A"), List.of("CHILD_PRESENT"),
                    "Neighbours reported shouting and banging; officers attended, adults separated, child at home."),
            new Scenario(Partner.POLICE, "6", List.of("3A"), List.of("CHILD_PRESENT", "CHILD_INJURED"),
                    "Domestic assault; child tried to intervene and has a cut to the hand. Perpetrator arrested."),
            new Scenario(Partner.POLICE, "6", List.of("10A"), List.of("RETURNED_FROM_MISSING"),
                    "Reported missing by carer yesterday evening, found at a friend's address this morning."),
            new Scenario(Partner.POLICE, "6", List.of("24A"), List.of("EXPL_MED_GOING_MISSING", "EXPL_MED_OLDER_ASSOCIATES"),
                    "Stopped in the town centre late at night with older males; two unexplained mobile phones."));
    private static final List<Scenario> SCHOOL = List.of(
            new Scenario(Partner.SCHOOL, "2A", List.of("16A"), List.of(),
                    "Child repeatedly arrives hungry and in unwashed clothes; attendance has fallen this term."),
            new Scenario(Partner.SCHOOL, "2A", List.of("17A"), List.of(),
                    "Child says they are shouted at and called names at home and is frightened to go home."),
            new Scenario(Partner.SCHOOL, "2A", List.of("19C"), List.of("SEXUAL_ABUSE_DISCLOSURE"),
                    "Child disclosed to a teaching assistant that an adult at home touches them. DSL informed."),
            new Scenario(Partner.SCHOOL, "2A", List.of("7A"), List.of("YOUNG_CARER"),
                    "Child is often late; cares for a parent with a long-term illness and younger siblings."));
    private static final List<Scenario> HEALTH = List.of(
            new Scenario(Partner.HEALTH, "3B", List.of("4B"), List.of("MENTAL_HEALTH_PARENT"),
                    "Health visitor concerned about mother's low mood and the baby's weight gain."),
            new Scenario(Partner.HEALTH, "3E", List.of("18C"), List.of("PHYSICAL_INJURY_NON_ACCIDENTAL"),
                    "Attended A&E with bruising to the upper arms; explanation inconsistent with the injuries."),
            new Scenario(Partner.HEALTH, "3A", List.of("2B", "4B"), List.of("SUBSTANCE_MISUSE_PARENT", "MENTAL_HEALTH_PARENT"),
                    "GP concerned that father's drinking has increased and mother has stopped her medication."));

    private static final String[] GIVEN = {"Amelia", "Oliver", "Zara", "Mohammed", "Ava", "Leo", "Aisha", "Noah",
            "Maya", "Harry", "Priya", "Jacob", "Lily", "Yusuf", "Chloe", "Arjun", "Freya", "Kacper", "Isla", "Ibrahim",
            "Olivia", "George", "Fatima", "Theo", "Sofia", "Adam", "Grace", "Musa", "Evie", "Oscar", "Hana", "Jack"};
    private static final String[] FAMILY = {"Khan", "Smith", "Patel", "Nowak", "Jones", "Ahmed", "Taylor", "Singh",
            "Brown", "Kowalski", "Wilson", "Hussain", "Evans", "Begum", "Walker", "Wright", "Robinson", "Ali",
            "Thompson", "Okafor", "Mensah", "Green", "Hall", "Lewis", "Murphy", "Kaur", "Clarke", "Rahman"};
    private static final String[] PARENT = {"Sam", "Alex", "Jo", "Chris", "Nadia", "Tomasz", "Shabana", "Dean"};
    private static final String[] STREETS = {"High Street", "Park Road", "Church Lane", "Station Road", "Mill Way",
            "Bath Road", "Queens Road", "Elm Close"};
    // The inward code's letters are never C, I, K, M, O or V.
    private static final String INWARD = "ABDEFGHJLNPQRSTUWXYZ";
    private static final int MAX_REMEMBERED_CHILDREN = 200_000;

    private final LoadSettings settings;
    private final Random random;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Child> children = new ArrayList<>();
    private final LocalDate today;
    private long sequence;

    public LoadMix(LoadSettings settings, Clock clock) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.clock = clock;
        this.today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    }

    /** The next submission; {@code inBurst} adds the burst's extra police notifications to the mix. */
    public Submission next(boolean inBurst) {
        Partner partner = partner(inBurst);
        Scenario scenario = pick(switch (partner) {
            case POLICE -> POLICE;
            case SCHOOL -> SCHOOL;
            case HEALTH -> HEALTH;
        });
        boolean repeat = !children.isEmpty() && random.nextDouble() < settings.repeatShare();
        Child child = repeat ? children.get(random.nextInt(children.size())) : newChild();
        // Police rarely know a child's NHS number, schools sometimes, health always.
        boolean withNhsNumber = switch (partner) {
            case POLICE -> random.nextInt(4) == 0;
            case SCHOOL -> random.nextBoolean();
            case HEALTH -> true;
        };
        boolean valid = random.nextDouble() >= settings.invalidShare();
        String submissionId = "LOAD-" + settings.runId() + "-" + (++sequence);
        try {
            byte[] body = json.writeValueAsBytes(body(submissionId, scenario, child, withNhsNumber || !valid, valid));
            return new Submission(partner, submissionId, body, valid, repeat, withNhsNumber || !valid);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private Partner partner(boolean inBurst) {
        if (inBurst && random.nextDouble() < 1 - 1 / settings.burstFactor()) {
            return Partner.POLICE;
        }
        double draw = random.nextDouble();
        if (draw < settings.policeShare()) {
            return Partner.POLICE;
        }
        return draw < settings.policeShare() + settings.schoolShare() ? Partner.SCHOOL : Partner.HEALTH;
    }

    private Child newChild() {
        String familyName = pick(FAMILY);
        Child child = new Child(pick(GIVEN), familyName, today.minusDays(200 + random.nextInt(16 * 365)),
                random.nextBoolean() ? "MALE" : "FEMALE", validNhsNumber(),
                (1 + random.nextInt(180)) + " " + pick(STREETS),
                "SL" + (1 + random.nextInt(9)) + " " + random.nextInt(10) + INWARD.charAt(random.nextInt(INWARD.length()))
                        + INWARD.charAt(random.nextInt(INWARD.length())),
                pick(PARENT));
        if (children.size() < MAX_REMEMBERED_CHILDREN) {
            children.add(child);
        } else {
            children.set(random.nextInt(children.size()), child);
        }
        return child;
    }

    private Map<String, Object> body(String submissionId, Scenario scenario, Child child, boolean withNhsNumber,
                                     boolean valid) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("givenName", child.givenName());
        about.put("familyName", child.familyName());
        about.put("dateOfBirth", child.dateOfBirth().toString());
        about.put("sex", child.sex());
        if (withNhsNumber) {
            about.put("nhsNumber", valid ? child.nhsNumber() : wrongCheckDigit(child.nhsNumber()));
        }
        about.put("address", Map.of("line1", child.line1(), "town", "Slough", "postcode", child.postcode()));
        about.put("firstLanguage", "English");
        about.put("interpreterNeeded", false);

        boolean police = scenario.partner() == Partner.POLICE;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", submissionId);
        body.put("referralSource", scenario.referralSource());
        body.put("referrer", switch (scenario.partner()) {
            case POLICE -> Map.of("name", "PC Load Officer", "role", "Officer", "agency", "Load Test Police");
            case SCHOOL -> Map.of("name", "Load Safeguarding Lead", "role", "Designated safeguarding lead",
                    "agency", "Load Test Primary School");
            case HEALTH -> Map.of("name", "Load Health Visitor", "role", "Health visitor", "agency", "Load Test Health Trust");
        });
        body.put("child", about);
        body.put("household", List.of(Map.of("givenName", child.parentName(), "familyName", child.familyName(),
                "relationship", random.nextBoolean() ? "MOTHER" : "FATHER")));
        Map<String, Object> concerns = new LinkedHashMap<>();
        concerns.put("factors", scenario.factors());
        concerns.put("indicators", scenario.indicators());
        concerns.put("narrative", scenario.narrative());
        body.put("concerns", concerns);
        body.put("awareSince", clock.instant().minusSeconds(600 + random.nextInt(36_000)).toString());
        body.put("consent", police
                ? Map.of("status", "NOT_SOUGHT", "reason", "Seeking consent would place the child at risk")
                : Map.of("status", "GIVEN"));
        body.put("immediateRisk", false);
        body.put("actionsTaken", police ? "Officers attended and completed a risk assessment." : "Designated lead informed.");
        return body;
    }

    /** The same number with its check digit changed: refused by the front door's modulus-11 check. */
    private static String wrongCheckDigit(String nhsNumber) {
        char check = nhsNumber.charAt(9);
        return nhsNumber.substring(0, 9) + (char) ('0' + (check - '0' + 1) % 10);
    }

    private String validNhsNumber() {
        while (true) {
            String candidate = String.format("%010d", random.nextLong(10_000_000_000L));
            if (NhsNumber.isValid(candidate)) {
                return candidate;
            }
        }
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
