package uk.frontdoor.infra.demo;

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
 * Realistic, entirely fictional contacts of the kinds a front door receives most: police domestic
 * abuse notifications and missing episodes, schools' neglect and disclosure concerns, health
 * visitors' and A&amp;E's worries. A small cast of children recurs, so streams build up history and
 * accumulating concerns show.
 */
final class DemoContacts {

    record Submission(String agency, Map<String, Object> body) {
    }

    private record Scenario(String agency, String referralSource, List<String> factors, List<String> indicators,
                            String narrative, boolean immediateRisk) {
    }

    private record DemoChild(String givenName, String familyName, LocalDate dateOfBirth, String sex,
                             String nhsNumber, String postcode, String line1) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("demo-police", "6", List.of("3A"), List.of("CHILD_PRESENT"),
                    "Domestic incident at the home overnight. Verbal argument between adults; child present but asleep upstairs.", false),
            new Scenario("demo-police", "6", List.of("3A"), List.of("CHILD_PRESENT", "REPEAT_INCIDENT"),
                    "Third call-out to the address this year. Child present and witnessed the argument.", false),
            new Scenario("demo-police", "6", List.of("3A"), List.of("CHILD_PRESENT", "CHILD_INJURED"),
                    "Domestic assault; child tried to intervene and has a cut to the hand. Perpetrator arrested.", false),
            new Scenario("demo-police", "6", List.of("10A"), List.of("RETURNED_FROM_MISSING"),
                    "Reported missing by carer yesterday evening, found at a friend's address this morning.", false),
            new Scenario("demo-police", "6", List.of("24A"), List.of("EXPL_MED_GOING_MISSING", "EXPL_MED_OLDER_ASSOCIATES"),
                    "Stopped in the town centre late at night with older males; two unexplained mobile phones.", false),
            new Scenario("demo-school", "2A", List.of("16A"), List.of(),
                    "Child repeatedly arrives hungry and in unwashed clothes; attendance has fallen this term.", false),
            new Scenario("demo-school", "2A", List.of("17A"), List.of(),
                    "Child says they are shouted at and called names at home and is frightened to go home.", false),
            new Scenario("demo-school", "2A", List.of("19C"), List.of("SEXUAL_ABUSE_DISCLOSURE"),
                    "Child disclosed to a teaching assistant that an adult at home touches them. DSL informed.", false),
            new Scenario("demo-school", "2A", List.of("7A"), List.of("YOUNG_CARER"),
                    "Child is often late; cares for a parent with a long-term illness and younger siblings.", false),
            new Scenario("demo-health", "3B", List.of("4B"), List.of("MENTAL_HEALTH_PARENT"),
                    "Health visitor concerned about mother's low mood and the baby's weight gain.", false),
            new Scenario("demo-health", "3E", List.of("18C"), List.of("PHYSICAL_INJURY_NON_ACCIDENTAL"),
                    "Attended A&E with bruising to the upper arms; explanation inconsistent with the injuries.", false),
            new Scenario("demo-health", "3A", List.of("2B", "4B"), List.of("SUBSTANCE_MISUSE_PARENT", "MENTAL_HEALTH_PARENT"),
                    "GP concerned that father's drinking has increased and mother has stopped her medication.", false));

    private static final String[] GIVEN = {"Amelia", "Oliver", "Zara", "Mohammed", "Ava", "Leo", "Aisha", "Noah",
            "Maya", "Harry", "Priya", "Jacob", "Lily", "Yusuf", "Chloe", "Arjun", "Freya", "Kacper", "Isla", "Ibrahim"};
    private static final String[] FAMILY = {"Khan", "Smith", "Patel", "Nowak", "Jones", "Ahmed", "Taylor", "Singh",
            "Brown", "Kowalski", "Wilson", "Hussain"};
    private static final String[] POSTCODES = {"SL1 1AA", "SL1 2BE", "SL2 5NX", "SL3 7QT", "SL1 4DP", "SL2 1JH"};

    private final Random random;
    private final Clock clock;
    private final List<DemoChild> children = new ArrayList<>();
    private long sequence;

    DemoContacts(long seed, Clock clock) {
        this.random = new Random(seed);
        this.clock = clock;
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        for (int i = 0; i < 40; i++) {
            children.add(new DemoChild(GIVEN[random.nextInt(GIVEN.length)], FAMILY[random.nextInt(FAMILY.length)],
                    today.minusDays(200 + random.nextInt(16 * 365)), random.nextBoolean() ? "MALE" : "FEMALE",
                    validNhsNumber(), POSTCODES[random.nextInt(POSTCODES.length)],
                    (1 + random.nextInt(120)) + " " + (random.nextBoolean() ? "High Street" : "Park Road")));
        }
    }

    Submission next() {
        Scenario scenario = SCENARIOS.get(random.nextInt(SCENARIOS.size()));
        DemoChild child = children.get(random.nextInt(children.size()));
        boolean police = scenario.agency().equals("demo-police");
        sequence++;

        Map<String, Object> childJson = new LinkedHashMap<>();
        childJson.put("givenName", child.givenName());
        childJson.put("familyName", child.familyName());
        childJson.put("dateOfBirth", child.dateOfBirth().toString());
        childJson.put("sex", child.sex());
        // Police rarely know a child's NHS number; health always does.
        if (!police || random.nextInt(4) == 0) {
            childJson.put("nhsNumber", child.nhsNumber());
        }
        childJson.put("address", Map.of("line1", child.line1(), "town", "Slough", "postcode", child.postcode()));
        childJson.put("firstLanguage", "English");
        childJson.put("interpreterNeeded", false);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submissionId", "DEMO-" + scenario.agency().substring(5).toUpperCase() + "-" + clock.millis() + "-" + sequence);
        body.put("referralSource", scenario.referralSource());
        body.put("referrer", referrer(scenario.agency()));
        body.put("child", childJson);
        body.put("household", List.of(Map.of("givenName", "Sam", "familyName", child.familyName(),
                "relationship", random.nextBoolean() ? "MOTHER" : "FATHER")));
        Map<String, Object> concerns = new LinkedHashMap<>();
        concerns.put("factors", scenario.factors());
        concerns.put("indicators", scenario.indicators());
        concerns.put("narrative", scenario.narrative());
        body.put("concerns", concerns);
        // A child reported back from a missing episode two or three days ago: the 72-hour return home
        // interview clock is near its warning or past due, so the demo's alert board has something on it.
        long awareSecondsAgo = scenario.indicators().contains("RETURNED_FROM_MISSING")
                ? 50 * 3600 + random.nextInt(25 * 3600)
                : 600 + random.nextInt(36_000);
        body.put("awareSince", clock.instant().minusSeconds(awareSecondsAgo).toString());
        body.put("consent", police
                ? Map.of("status", "NOT_SOUGHT", "reason", "Seeking consent would place the child at risk")
                : Map.of("status", "GIVEN"));
        body.put("immediateRisk", scenario.immediateRisk());
        body.put("actionsTaken", police ? "Officers attended and completed a risk assessment." : "Designated lead informed.");
        return new Submission(scenario.agency(), body);
    }

    private static Map<String, String> referrer(String agency) {
        return switch (agency) {
            case "demo-police" -> Map.of("name", "PC Demo Officer", "role", "Officer", "agency", "Demo Police");
            case "demo-school" -> Map.of("name", "Demo Safeguarding Lead", "role", "Designated safeguarding lead",
                    "agency", "Demo Primary School");
            default -> Map.of("name", "Demo Health Visitor", "role", "Health visitor", "agency", "Demo Health Trust");
        };
    }

    /** A random NHS number that passes the front door's own check (modulus 11). */
    private String validNhsNumber() {
        while (true) {
            String candidate = String.format("%010d", random.nextLong(10_000_000_000L));
            if (NhsNumber.isValid(candidate)) {
                return candidate;
            }
        }
    }
}
