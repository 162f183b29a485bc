package uk.frontdoor.triage.api.value;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No record of the published language prints a child's personal data in its {@code toString}, nor does an Axon
 * message carrying it. Every record is built with a marker text in each string that sits inside a {@link Personal}
 * component (at any depth, so a submission inside a received contact counts) and plain text everywhere else.
 */
class PersonalDataWithheldTest {

    private static final String PERSONAL = "Zebedee-Personal-Marker";

    private static List<Class<?>> records() {
        List<Class<?>> records = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.frontdoor.triage.api")) {
            if (type.reflect().isRecord()) {
                records.add(type.reflect());
            }
        }
        return records;
    }

    @Test
    void noRecordPrintsWhatItsPersonalComponentsHold() {
        List<Class<?>> records = records();
        assertThat(records).as("the published language's records").hasSizeGreaterThan(40);
        List<Class<?>> withPersonalData = new ArrayList<>();
        for (Class<?> type : records) {
            if (!holdsMarker(type)) {
                continue;
            }
            Object value = build(type, false);
            withPersonalData.add(type);
            assertThat(value.toString()).as(type.getName()).doesNotContain(PERSONAL).contains(PersonalData.WITHHELD);
            assertThat(GenericEventMessage.asEventMessage(value).toString()).as("a message carrying " + type.getName())
                    .doesNotContain(PERSONAL);
        }
        assertThat(withPersonalData).as("records that hold personal data, directly or inside a component")
                .contains(uk.frontdoor.triage.api.ContactReceived.class, ContactSubmission.class,
                        uk.frontdoor.triage.api.DecisionProposed.class);
    }

    @Test
    void showsEverythingElseAsARecordWould() {
        var consent = new ContactSubmission.Consent(ContactSubmission.ConsentStatus.REFUSED, "mother said no");
        assertThat(consent.toString()).isEqualTo("Consent[status=REFUSED, reason=" + PersonalData.WITHHELD + "]");
    }

    /** Whether building the type put the marker anywhere inside it, so its toString has something to withhold. */
    private static boolean holdsMarker(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).anyMatch(component -> component.isAnnotationPresent(Personal.class)
                || component.getType().isRecord() && holdsMarker(component.getType()));
    }

    private static Object build(Class<?> type, boolean personal) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = valueOf(components[i].getType(), components[i].getGenericType(),
                    personal || components[i].isAnnotationPresent(Personal.class));
        }
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build " + type.getName(), e);
        }
    }

    private static Object valueOf(Class<?> type, Type generic, boolean personal) {
        if (type == String.class) {
            return personal ? PERSONAL : "plain";
        }
        if (type.isRecord()) {
            return build(type, personal);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class || type == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object one = element instanceof Class<?> elementType ? valueOf(elementType, elementType, personal) : null;
            return one == null ? (type == List.class ? List.of() : Set.of())
                    : type == List.class ? List.of(one) : Set.of(one);
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == LocalDate.class) {
            return LocalDate.EPOCH;
        }
        if (type == Duration.class) {
            return Duration.ZERO;
        }
        if (type == UUID.class) {
            return new UUID(0, 1);
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == double.class || type == Double.class) {
            return 1.0;
        }
        return null;
    }
}
