package uk.frontdoor.triage.child.reception;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.ReferralSourceGroup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The council's referral standard: what a good referral contains, element by element, for each kind of agency
 * (census referral-source group), with an id and a version so that every score says what it was measured against.
 * Reception scores each referral with it; a file that names an element the service cannot check, or that lacks an
 * id, a version or a DEFAULT list, stops the service at start-up with a message naming the file and the fault.
 */
public final class ReferralStandard {

    /** The list of elements for any agency type the file does not list. */
    static final String DEFAULT = "DEFAULT";
    private static final String SHIPPED = "/referral-standard/demo-council.yaml";

    private final ThresholdAssessed.ReferralStandard ref;
    private final int concernMinimumWords;
    private final Map<ReferralElement, String> wording;
    private final List<ReferralElement> byDefault;
    private final Map<ReferralSourceGroup, List<ReferralElement>> byAgencyType;

    private ReferralStandard(ThresholdAssessed.ReferralStandard ref, int concernMinimumWords,
                             Map<ReferralElement, String> wording, List<ReferralElement> byDefault,
                             Map<ReferralSourceGroup, List<ReferralElement>> byAgencyType) {
        this.ref = ref;
        this.concernMinimumWords = concernMinimumWords;
        this.wording = wording;
        this.byDefault = byDefault;
        this.byAgencyType = byAgencyType;
    }

    /** The standard shipped with the service (the demo council's). */
    public static ReferralStandard loadDefault() {
        try (InputStream in = ReferralStandard.class.getResourceAsStream(SHIPPED)) {
            return read(in, "classpath:" + SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReferralStandard load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Referral standard " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file as written: checked by {@link #read} before anything uses it. */
    private record File(String id, String version, Integer concernMinimumWords, Map<String, String> elements,
                        @JsonProperty("agencyTypes") Map<String, List<String>> agencyTypes) {
    }

    static ReferralStandard read(InputStream in, String source) throws IOException {
        File file;
        try {
            file = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, File.class);
        } catch (IOException e) {
            throw new IllegalStateException("Referral standard " + source + " is not valid: " + e.getMessage(), e);
        }
        if (file == null || blank(file.id()) || blank(file.version())) {
            throw invalid(source, "it needs an id and a version");
        }
        if (file.concernMinimumWords() == null || file.concernMinimumWords() < 0) {
            throw invalid(source, "concernMinimumWords must be a number of words, 0 or more");
        }
        Map<ReferralElement, String> wording = new EnumMap<>(ReferralElement.class);
        (file.elements() == null ? Map.<String, String>of() : file.elements()).forEach((name, words) -> {
            ReferralElement element = element(source, name, "elements");
            if (blank(words)) {
                throw invalid(source, "element " + name + " has no words");
            }
            wording.put(element, words.strip());
        });
        Map<String, List<String>> lists = file.agencyTypes() == null ? Map.of() : file.agencyTypes();
        if (!lists.containsKey(DEFAULT)) {
            throw invalid(source, "agencyTypes needs a DEFAULT list, for any agency type not listed");
        }
        List<ReferralElement> byDefault = null;
        Map<ReferralSourceGroup, List<ReferralElement>> byAgencyType = new EnumMap<>(ReferralSourceGroup.class);
        for (var entry : lists.entrySet()) {
            List<ReferralElement> elements = new ArrayList<>();
            for (String name : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                ReferralElement element = element(source, name, "agencyTypes." + entry.getKey());
                if (!wording.containsKey(element)) {
                    throw invalid(source, "agencyTypes." + entry.getKey() + " lists " + name
                            + ", which has no words under elements");
                }
                if (elements.contains(element)) {
                    throw invalid(source, "agencyTypes." + entry.getKey() + " lists " + name + " twice");
                }
                elements.add(element);
            }
            if (entry.getKey().equals(DEFAULT)) {
                byDefault = List.copyOf(elements);
            } else {
                byAgencyType.put(agencyType(source, entry.getKey()), List.copyOf(elements));
            }
        }
        return new ReferralStandard(new ThresholdAssessed.ReferralStandard(file.id().strip(), file.version().strip()),
                file.concernMinimumWords(), wording, byDefault, byAgencyType);
    }

    /** How complete a referral is against this standard, for the kind of agency that sent it. */
    public ThresholdAssessed.Completeness score(ContactSubmission submission) {
        ReferralSourceGroup agencyType = ReferralSourceGroup.of(submission.referralSource());
        List<ReferralElement> expected = byAgencyType.getOrDefault(agencyType, byDefault);
        int of = 0;
        int met = 0;
        List<ThresholdAssessed.Gap> gaps = new ArrayList<>();
        for (ReferralElement element : expected) {
            switch (element.check(submission, this)) {
                case MET -> {
                    of++;
                    met++;
                }
                case GAP -> {
                    of++;
                    gaps.add(new ThresholdAssessed.Gap(element.name(), wording.get(element)));
                }
                case NOT_APPLICABLE -> {
                }
            }
        }
        return new ThresholdAssessed.Completeness(ref, agencyType.name(), met, of, gaps);
    }

    /** The standard's words for an element (by its id), for pages that show gaps counted by id; the id if unknown. */
    public String words(String element) {
        for (var entry : wording.entrySet()) {
            if (entry.getKey().name().equals(element)) {
                return entry.getValue();
            }
        }
        return element;
    }

    public ThresholdAssessed.ReferralStandard ref() {
        return ref;
    }

    int concernMinimumWords() {
        return concernMinimumWords;
    }

    private static ReferralElement element(String source, String name, String where) {
        try {
            return ReferralElement.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(source, where + " names " + name + ", which is not an element the service can check (one of "
                    + Arrays.toString(ReferralElement.values()) + ")");
        }
    }

    private static ReferralSourceGroup agencyType(String source, String name) {
        try {
            return ReferralSourceGroup.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw invalid(source, "agencyTypes names " + name + ", which is not DEFAULT or an agency type (one of "
                    + Arrays.toString(ReferralSourceGroup.values()) + ")");
        }
    }

    private static IllegalStateException invalid(String source, String why) {
        return new IllegalStateException("Referral standard " + source + " is not valid: " + why + ".");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
