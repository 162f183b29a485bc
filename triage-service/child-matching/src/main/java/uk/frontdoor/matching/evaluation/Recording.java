package uk.frontdoor.matching.evaluation;

import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.IdentityFacts.Person;
import uk.frontdoor.matching.Nicknames;
import uk.frontdoor.matching.Normalise;
import uk.frontdoor.matching.evaluation.SyntheticPopulation.TrueChild;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How an agency writes a child down: the truth with the slips, gaps and changes that real referrals
 * carry. The rates are this benchmark's assumptions (stated in docs/benchmarks.md), not measurements of
 * any agency.
 */
public final class Recording {

    private final SplittableRandom random;
    private final Nicknames nicknames;
    private final LocalDate today;
    private final int postcodeUnits;

    public Recording(long seed, LocalDate today, int populationSize) {
        this.random = new SplittableRandom(seed);
        this.nicknames = Nicknames.standard();
        this.today = today;
        this.postcodeUnits = SyntheticPopulation.postcodeUnits(populationSize);
    }

    /** The first record of a known child, as the front door stored it some time ago. */
    public IdentityFacts firstRecord(TrueChild child) {
        IdentityFacts truth = child.truth();
        if (child.knownBeforeBirth()) {
            // Referred by the midwife: "Baby Smith", due on a date near the real birth, and the mother.
            return IdentityFacts.builder()
                    .familyName(truth.familyName())
                    .expectedDateOfBirth(truth.dateOfBirth().plusDays(random.nextInt(41) - 28))
                    .postcode(truth.postcode())
                    .addressLines(truth.addressLines())
                    .mother(truth.mother())
                    .build();
        }
        IdentityFacts.Builder b = truth.toBuilder();
        b.nhsNumber(chance(0.6) ? truth.nhsNumber() : null);
        b.givenNames(given(truth.givenNames().get(0), 0.03, 0.02));
        String family = child.previousFamilyName() != null ? child.previousFamilyName() : truth.familyName();
        b.familyName(chance(0.02) ? typo(family) : family);
        b.previousFamilyNames(List.of());
        b.dateOfBirth(date(truth.dateOfBirth(), 0.01, 0.01));
        b.sex(chance(0.1) ? null : truth.sex());
        b.addressLines(chance(0.7) ? truth.addressLines() : List.of());
        b.household(chance(0.5) ? household(truth.household()) : List.of());
        b.mother(chance(0.5) ? truth.mother() : null);
        return b.build();
    }

    /** A new contact about the child, today. */
    public IdentityFacts contact(TrueChild child) {
        IdentityFacts truth = child.truth();
        IdentityFacts.Builder b = truth.toBuilder();
        b.nhsNumber(chance(0.45) ? truth.nhsNumber() : null);
        String given = given(truth.givenNames().get(0), 0.08, 0.04);
        String family = chance(0.04) ? typo(truth.familyName()) : truth.familyName();
        if (chance(0.01)) {
            String swap = given;
            given = family;
            family = swap;
        }
        b.givenNames(format(given));
        b.familyName(format(family));
        b.previousFamilyNames(child.previousFamilyName() != null && chance(0.5)
                ? List.of(child.previousFamilyName()) : List.of());
        b.dateOfBirth(chance(0.03) ? null : date(truth.dateOfBirth(), 0.02, 0.03));
        b.sex(chance(0.15) ? null : chance(0.005) ? other(truth.sex()) : truth.sex());
        if (chance(0.12)) {
            String moved = moveFrom(truth.postcode());
            b.postcode(format(moved));
            b.previousPostcodes(chance(0.3) ? List.of(truth.postcode()) : List.of());
            b.addressLines(chance(0.6) ? List.of((1 + random.nextInt(180)) + " New Street") : List.of());
        } else {
            b.postcode(chance(0.04) ? null : format(truth.postcode()));
            b.addressLines(chance(0.6) ? truth.addressLines() : List.of());
        }
        b.household(chance(0.5) ? household(truth.household()) : List.of());
        b.mother(chance(0.5) ? truth.mother() : null);
        return b.build();
    }

    private String given(String name, double nickname, double typo) {
        if (chance(nickname)) {
            List<String> forms = nicknames.alternatives(Normalise.name(name));
            if (!forms.isEmpty()) {
                String form = forms.get(random.nextInt(forms.size()));
                return Character.toUpperCase(form.charAt(0)) + form.substring(1);
            }
        }
        return chance(typo) ? typo(name) : name;
    }

    /** One keyboard slip: a letter changed, dropped, doubled, or two swapped. */
    String typo(String name) {
        if (name.length() < 3) {
            return name;
        }
        int i = 1 + random.nextInt(name.length() - 2);
        char[] c = name.toCharArray();
        return switch (random.nextInt(4)) {
            case 0 -> name.substring(0, i) + (char) ('a' + random.nextInt(26)) + name.substring(i + 1);
            case 1 -> name.substring(0, i) + name.substring(i + 1);
            case 2 -> name.substring(0, i) + c[i] + name.substring(i);
            default -> {
                char t = c[i];
                c[i] = c[i - 1];
                c[i - 1] = t;
                yield new String(c);
            }
        };
    }

    private LocalDate date(LocalDate dob, double swapped, double oneDigit) {
        if (chance(swapped) && dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()) {
            return LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
        }
        if (chance(oneDigit)) {
            for (int attempt = 0; attempt < 10; attempt++) {
                String digits = dob.toString().replace("-", "");
                int i = 2 + random.nextInt(6);
                char d = (char) ('0' + random.nextInt(10));
                String typed = digits.substring(0, i) + d + digits.substring(i + 1);
                try {
                    LocalDate slip = LocalDate.parse(typed, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                    if (!slip.equals(dob) && !slip.isAfter(today)) {
                        return slip;
                    }
                } catch (java.time.format.DateTimeParseException notADate) {
                    // try another digit
                }
            }
        }
        return dob;
    }

    private List<Person> household(List<Person> members) {
        List<Person> out = new ArrayList<>();
        for (Person p : members) {
            if (chance(0.2)) {
                continue;
            }
            String given = chance(0.1) ? given(p.givenName(), 1.0, 0) : p.givenName();
            out.add(new Person(given, p.familyName(), chance(0.4) ? null : p.dateOfBirth()));
        }
        return out;
    }

    /** A move: most families stay in the same district. */
    private String moveFrom(String postcode) {
        String moved = postcode;
        while (moved.equals(postcode)) {
            if (chance(0.6)) {
                String district = Normalise.district(Normalise.postcode(postcode));
                moved = district + " " + SyntheticPopulation.inward(
                        random.nextInt(SyntheticPopulation.UNITS_PER_DISTRICT));
            } else {
                moved = SyntheticPopulation.postcode(random.nextInt(postcodeUnits));
            }
        }
        return moved;
    }

    /** How people type: capitals, extra spaces, no apostrophe. */
    private String format(String text) {
        if (text == null) {
            return null;
        }
        double r = random.nextDouble();
        if (r < 0.15) {
            return text.toUpperCase(Locale.ROOT);
        }
        if (r < 0.2) {
            return " " + text.toLowerCase(Locale.ROOT).replace("'", "").replace("-", " ") + " ";
        }
        return text;
    }

    private IdentityFacts.Sex other(IdentityFacts.Sex sex) {
        return sex == IdentityFacts.Sex.FEMALE ? IdentityFacts.Sex.MALE : IdentityFacts.Sex.FEMALE;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
