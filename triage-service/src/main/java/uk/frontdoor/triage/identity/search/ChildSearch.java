package uk.frontdoor.triage.identity.search;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.Field;
import uk.frontdoor.matching.FieldResult;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.MatchScore;
import uk.frontdoor.matching.Normalise;
import uk.frontdoor.triage.api.query.ChildSearchResults;
import uk.frontdoor.triage.api.query.FindChildren;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.identity.matching.CandidateFinder;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Staff search for a child: the details typed are scored against known children exactly as a contact's
 * child is on receipt ({@link ChildMatcher}), so a worker sees the children the front door itself would
 * consider, in the same order and for the same reasons.
 *
 * <p>Candidates come from two places: {@link CandidateFinder#find}, the blocking rules of matching on
 * receipt, and the rules below for what a search may lack (a contact always has a name and a date of
 * birth; a search may have only one of them, or only a postcode). Each rule is served by an index of
 * {@code child_identity_variant} and has its own limit:
 *
 * <ol>
 *   <li>a name alone: trigram similarity of the whole name or of the name within it (the GIN trigram
 *       index), or a family name that sounds the same;</li>
 *   <li>the date of birth, or its day and month swapped, closest names first;</li>
 *   <li>the postcode.</li>
 * </ol>
 *
 * A child is listed when what agrees outweighs what disagrees and, if a name was given, a given or family
 * name is at least alike: a child at the searched postcode with other names is someone else.
 */
@Component
class ChildSearch {

    /** How many children one rule may bring for scoring. */
    private static final int PER_RULE = 50;

    private static final Set<Field> NAMES = EnumSet.of(Field.GIVEN_NAME, Field.FAMILY_NAME);

    private static final String SEARCH = """
            (SELECT child_id FROM child_identity_variant
              WHERE CAST(:name AS text) IS NOT NULL
                AND (full_name % CAST(:name AS text) OR CAST(:name AS text) <% full_name)
              ORDER BY greatest(similarity(full_name, CAST(:name AS text)),
                                word_similarity(CAST(:name AS text), full_name)) DESC
              LIMIT :perRule)
            UNION
            (SELECT child_id FROM child_identity_variant
              WHERE family_key = dmetaphone(CAST(:family AS text))
              ORDER BY similarity(full_name, CAST(:name AS text)) DESC NULLS LAST
              LIMIT :perRule)
            UNION
            (SELECT child_id FROM child_identity_variant
              WHERE date_of_birth IN (CAST(:dob AS date), CAST(:swapped AS date))
              ORDER BY similarity(full_name, CAST(:name AS text)) DESC NULLS LAST
              LIMIT :perRule)
            UNION
            (SELECT child_id FROM child_identity_variant
              WHERE postcode = CAST(:postcode AS text)
              LIMIT :perRule)""";

    private final CandidateFinder finder;
    private final ChildMatcher matcher;
    private final JdbcClient jdbc;

    ChildSearch(CandidateFinder finder, ChildMatcher matcher, JdbcClient jdbc) {
        this.finder = finder;
        this.matcher = matcher;
        this.jdbc = jdbc;
    }

    @QueryHandler
    ChildSearchResults handle(FindChildren query) {
        IdentityFacts searched = facts(query);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        finder.find(searched).forEach(candidate -> candidates.put(candidate.childId(), candidate));
        List<String> more = searchIds(query).stream().filter(id -> !candidates.containsKey(id)).toList();
        finder.candidates(more).forEach(candidate -> candidates.put(candidate.childId(), candidate));

        boolean byName = searched.familyName() != null || !searched.givenNames().isEmpty();
        double prior = matcher.parameters().priorWeight();
        List<MatchScore> fitting = candidates.values().stream()
                .map(candidate -> matcher.score(searched, candidate))
                .filter(score -> score.score() - prior > 0)
                .filter(score -> !byName || score.agreeing().stream().anyMatch(f -> NAMES.contains(f.field())))
                .sorted(Comparator.comparingDouble(MatchScore::score).reversed()
                        .thenComparing(MatchScore::childId))
                .toList();
        List<ChildSearchResults.Child> children = fitting.stream().limit(ChildSearchResults.MAX_CHILDREN)
                .map(score -> child(score, candidates.get(score.childId()).facts()))
                .toList();
        return new ChildSearchResults(children, fitting.size() > ChildSearchResults.MAX_CHILDREN,
                matcher.parameters().version());
    }

    /** The search as the matcher's facts: what was typed, nothing else. */
    static IdentityFacts facts(FindChildren query) {
        IdentityFacts.Builder facts = IdentityFacts.builder()
                .familyName(query.familyName())
                .dateOfBirth(query.dateOfBirth())
                .nhsNumber(query.nhsNumber())
                .postcode(query.postcode());
        if (query.givenName() != null) {
            facts.givenNames(query.givenName());
        }
        return facts.build();
    }

    private List<String> searchIds(FindChildren query) {
        String given = Normalise.firstWord(query.givenName());
        String family = Normalise.name(query.familyName());
        String name = Stream.of(given, family).filter(Objects::nonNull).reduce((a, b) -> a + " " + b).orElse(null);
        LocalDate dob = query.dateOfBirth();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", name);
        params.put("family", family);
        params.put("dob", dob == null ? null : Date.valueOf(dob));
        params.put("swapped", swapped(dob));
        params.put("postcode", Normalise.postcode(query.postcode()));
        params.put("perRule", PER_RULE);
        return new ArrayList<>(new LinkedHashSet<>(jdbc.sql(SEARCH).params(params).query(String.class).list()));
    }

    private static Date swapped(LocalDate dob) {
        if (dob == null || dob.getDayOfMonth() > 12 || dob.getDayOfMonth() == dob.getMonthValue()) {
            return null;
        }
        return Date.valueOf(LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()));
    }

    private static ChildSearchResults.Child child(MatchScore score, IdentityFacts known) {
        List<String> familyNames = new ArrayList<>();
        if (known.familyName() != null) {
            familyNames.add(known.familyName());
        }
        familyNames.addAll(known.previousFamilyNames());
        List<String> postcodes = new ArrayList<>();
        if (known.postcode() != null) {
            postcodes.add(known.postcode());
        }
        postcodes.addAll(known.previousPostcodes());
        return new ChildSearchResults.Child(ChildId.of(score.childId()), known.givenNames(), familyNames,
                known.dateOfBirth(), known.expectedDateOfBirth(), sex(known.sex()), Normalise.nhsNumber(known.nhsNumber()),
                postcodes, score.score(), score.probability(), fields(score.agreeing()), fields(score.disagreeing()));
    }

    private static List<ChildSearchResults.Field> fields(List<FieldResult> results) {
        return results.stream()
                .map(f -> new ChildSearchResults.Field(f.field().key(), f.describe(), f.weight()))
                .toList();
    }

    private static ContactSubmission.Sex sex(IdentityFacts.Sex sex) {
        if (sex == null) {
            return null;
        }
        return sex == IdentityFacts.Sex.MALE ? ContactSubmission.Sex.MALE : ContactSubmission.Sex.FEMALE;
    }
}
