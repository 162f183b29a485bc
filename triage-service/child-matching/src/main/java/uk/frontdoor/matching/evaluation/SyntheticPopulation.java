package uk.frontdoor.matching.evaluation;

import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.IdentityFacts.Person;
import uk.frontdoor.matching.IdentityFacts.Sex;
import uk.frontdoor.matching.Normalise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A made-up local authority's children with known truth, for measuring and tuning the matcher. Children
 * live in families (a mother, sometimes a father, brothers and sisters, twins), families at addresses
 * grouped in postcode units, sectors and districts as in the UK; names follow a skewed distribution with
 * the common ones (Smith, Jones, Khan, Mohammed, Oliver, Amelia) very common and a long tail of rarer ones.
 * Nothing here is a real person.
 */
public final class SyntheticPopulation {

    /** A child as they really are. */
    public record TrueChild(int id, int familyId, Integer twinOf, IdentityFacts truth,
                            String previousFamilyName, boolean knownBeforeBirth) {
    }

    static final String[] BOYS = {"Muhammad", "Oliver", "Noah", "George", "Leo", "Arthur", "Oscar", "Harry",
            "Theodore", "Jack", "Charlie", "Freddie", "Henry", "Alfie", "Jacob", "Thomas", "William", "Archie",
            "James", "Joshua", "Samuel", "Joseph", "Isaac", "Lucas", "Edward", "Ethan", "Daniel", "Alexander",
            "Mason", "Max", "Benjamin", "Adam", "Harrison", "Logan", "Dylan", "Reggie", "Ronnie", "Tommy", "Louis",
            "Ibrahim", "Yusuf", "Ali", "Omar", "Hamza", "Ayaan", "Zain", "Musa", "Jayden", "Kai", "Riley", "Tyler",
            "Callum", "Lewis", "Kyle", "Connor", "Liam", "Aaron", "Jake", "Ryan", "Nathan", "Michael", "Matthew",
            "Christopher", "Jonathan", "Patrick", "Sebastian", "Toby", "Elijah", "Jude", "Finley", "Rory", "Stanley"};
    static final String[] GIRLS = {"Olivia", "Amelia", "Isla", "Ava", "Lily", "Freya", "Ivy", "Florence",
            "Isabella", "Mia", "Willow", "Rosie", "Sophia", "Evie", "Grace", "Poppy", "Elsie", "Ella", "Sophie",
            "Daisy", "Emily", "Harper", "Charlotte", "Matilda", "Isabelle", "Phoebe", "Sienna", "Ruby", "Aria",
            "Maya", "Ellie", "Millie", "Chloe", "Jessica", "Emma", "Hannah", "Lucy", "Katie", "Megan", "Amy",
            "Zara", "Aisha", "Maryam", "Fatima", "Hafsa", "Zainab", "Amira", "Inaya", "Layla", "Hanna", "Jasmine",
            "Leah", "Abigail", "Elizabeth", "Victoria", "Rebecca", "Samantha", "Natalie", "Stephanie", "Chantelle",
            "Zoë", "Chloé", "Anaïs", "Eleanor", "Margaret", "Alexandra", "Georgina", "Catherine", "Nicola", "Kayla"};
    static final String[] FAMILIES = {"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson",
            "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
            "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper",
            "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
            "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
            "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
            "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
            "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
            "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd",
            "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Ahmed",
            "Mohammed", "Rahman", "Akhtar", "Iqbal", "O'Brien", "O'Connor", "Smith-Jones", "McDonald", "Nowak",
            "Kowalski", "Wiśniewski", "Müller", "Nguyen", "Okafor", "Mensah", "Da Silva", "Van der Berg"};
    static final String[] ADULT_WOMEN = {"Sarah", "Emma", "Laura", "Rebecca", "Gemma", "Claire", "Kelly",
            "Hayley", "Nicola", "Amy", "Jade", "Stacey", "Samantha", "Lisa", "Michelle", "Fatima", "Nadia",
            "Shazia", "Ayesha", "Aneta", "Joanna", "Chloe", "Danielle", "Kirsty", "Charlotte", "Zoe", "Leanne"};
    static final String[] ADULT_MEN = {"David", "Paul", "Mark", "Andrew", "Daniel", "James", "Lee", "Craig",
            "Mohammed", "Imran", "Tariq", "Piotr", "Tomasz", "Richard", "Stephen", "Darren", "Carl", "Jamie"};

    private static final String[] SYLLABLES = {"ba", "ra", "ton", "ley", "mer", "wick", "ham", "den", "ford",
            "ridge", "ak", "el", "os", "in", "ar", "ul", "ko", "ve", "sha", "ny", "lo", "field", "well", "by",
            "stone", "wood", "ash", "ber", "cott", "dale", "gan", "hol", "ick", "jar", "kem", "lan", "mor", "nel"};
    private static final String LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private final SplittableRandom random;
    private final List<TrueChild> children = new ArrayList<>();
    private final LocalDate today;
    private final int postcodeUnits;
    private long nextNhs;

    private SyntheticPopulation(long seed, LocalDate today, int children) {
        this.random = new SplittableRandom(seed);
        this.today = today;
        // About 25 children per postcode unit, as in a typical English local authority.
        this.postcodeUnits = postcodeUnits(children);
        this.nextNhs = 400_000_000L + random.nextInt(100_000_000);
    }

    /** At least {@code size} children, in whole families, born in the 18 years before {@code today}. */
    public static List<TrueChild> generate(long seed, int size, LocalDate today) {
        SyntheticPopulation population = new SyntheticPopulation(seed, today, size);
        int family = 0;
        while (population.children.size() < size) {
            population.family(family++);
        }
        return List.copyOf(population.children);
    }

    private void family(int familyId) {
        String family = familyName();
        String motherFamily = chance(0.7) ? family : familyName();
        Person mother = new Person(pick(ADULT_WOMEN), motherFamily, null);
        Person father = chance(0.55) ? new Person(pick(ADULT_MEN), family, null) : null;
        String postcode = postcode(random.nextInt(postcodeUnits));
        String line = (1 + random.nextInt(180)) + " " + streetName();
        int size = 1 + (chance(0.45) ? 1 : 0) + (chance(0.25) ? 1 : 0) + (chance(0.08) ? 1 : 0);
        int firstAge = random.nextInt(18 * 365);
        LocalDate birth = today.minusDays(firstAge);
        record Sibling(String given, Sex sex, LocalDate dob, Integer twinOf, boolean unborn) {
        }
        List<Sibling> siblings = new ArrayList<>();
        int idBase = children.size();
        for (int i = 0; i < size; i++) {
            boolean twin = i > 0 && chance(0.04);
            LocalDate dob;
            Integer twinOf = null;
            if (twin) {
                dob = siblings.get(i - 1).dob();
                twinOf = idBase + i - 1;
            } else if (i == 0) {
                dob = birth;
            } else {
                dob = siblings.get(i - 1).dob().plusDays(400 + random.nextInt(1600));
            }
            if (dob.isAfter(today)) {
                break;
            }
            Sex sex = chance(0.5) ? Sex.FEMALE : Sex.MALE;
            String given = givenName(sex);
            while (true) {
                String candidate = given;
                if (siblings.stream().noneMatch(s -> s.given().equals(candidate))) {
                    break;
                }
                given = givenName(sex);
            }
            // A baby born in the last four months may have been referred before birth (by the midwife).
            boolean unborn = dob.isAfter(today.minusDays(120)) && chance(0.5);
            siblings.add(new Sibling(given, sex, dob, twinOf, unborn));
        }
        for (int i = 0; i < siblings.size(); i++) {
            Sibling s = siblings.get(i);
            List<Person> household = new ArrayList<>();
            household.add(mother);
            if (father != null) {
                household.add(father);
            }
            for (int j = 0; j < siblings.size(); j++) {
                if (j != i) {
                    household.add(new Person(siblings.get(j).given(), family, siblings.get(j).dob()));
                }
            }
            String previousFamily = chance(0.03) ? familyName() : null;
            IdentityFacts.Builder truth = IdentityFacts.builder()
                    .givenNames(s.given())
                    .familyName(family)
                    .dateOfBirth(s.dob())
                    .sex(s.sex())
                    .nhsNumber(nhsNumber())
                    .postcode(postcode)
                    .addressLine(line)
                    .household(household)
                    .mother(mother);
            if (previousFamily != null) {
                truth.previousFamilyName(previousFamily);
            }
            children.add(new TrueChild(idBase + i, familyId, s.twinOf(), truth.build(), previousFamily, s.unborn()));
        }
    }

    private String givenName(Sex sex) {
        if (chance(0.25)) {
            return invented();
        }
        return skewed(sex == Sex.FEMALE ? GIRLS : BOYS, 1.0);
    }

    private String familyName() {
        if (chance(0.55)) {
            return invented();
        }
        return skewed(FAMILIES, 1.0);
    }

    /** A Zipf-like pick: the first of the list is the most common. */
    private String skewed(String[] names, double exponent) {
        double total = 0;
        for (int i = 1; i <= names.length; i++) {
            total += 1 / Math.pow(i, exponent);
        }
        double r = random.nextDouble() * total;
        for (int i = 1; i <= names.length; i++) {
            r -= 1 / Math.pow(i, exponent);
            if (r <= 0) {
                return names[i - 1];
            }
        }
        return names[names.length - 1];
    }

    private String invented() {
        int parts = 2 + (chance(0.3) ? 1 : 0);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            name.append(pick(SYLLABLES));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private String streetName() {
        return invented() + " " + (chance(0.5) ? "Road" : chance(0.5) ? "Street" : "Close");
    }

    /**
     * The n-th postcode unit of the area: districts of 5 sectors each, about 40 units a sector (FA1 0AB ...
     * FA99 4ZY, then FB1 ...), so that a million children still have well-formed postcodes.
     */
    static String postcode(int unit) {
        return outward(unit / UNITS_PER_DISTRICT) + " " + inward(unit % UNITS_PER_DISTRICT);
    }

    static final int UNITS_PER_DISTRICT = 200;

    static String outward(int district) {
        return "F" + LETTERS.charAt(district / 99 % LETTERS.length()) + (district % 99 + 1);
    }

    /** A unit of a district: sector 0-4, then two letters. */
    static String inward(int unitInDistrict) {
        int sector = unitInDistrict / 40;
        int inUnit = unitInDistrict % 40;
        return "" + sector + LETTERS.charAt(inUnit % 20) + LETTERS.charAt((inUnit / 20 + 7) % 20);
    }

    /** How many postcode units an area of this many children has. */
    static int postcodeUnits(int children) {
        return Math.max(40, children / 25);
    }

    private String nhsNumber() {
        while (true) {
            String nine = Long.toString(nextNhs++);
            int check = Normalise.nhsCheckDigit(nine);
            if (check >= 0) {
                return nine + check;
            }
        }
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
