package uk.frontdoor.triage;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.Channel;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.Examples.RECEIVED;

/**
 * Stored events are a public contract: children's records are kept for decades. Each event's JSON
 * is pinned here; if this test fails, the change needs a new @Revision and an upcaster, never an
 * edit of the pinned file.
 */
class StoredEventContractTest {

    private final JacksonSerializer serializer = EventJson.serializer();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("ContactReceived-1.json", "1",
                        new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED,
                                Examples.domesticAbuseNotification("NICHE-2026-000123"))),
                Arguments.of("ThresholdAssessed-1.json", "1",
                        new ThresholdAssessed(CHILD, CONTACT, RECEIVED, new ThresholdAssessed.Threshold(3,
                                ThresholdAssessed.Priority.AMBER, RECEIVED.plusSeconds(86_400),
                                RECEIVED.plusSeconds(86_400), List.of("STRATEGY_DISCUSSION_REQUIRED"),
                                new ThresholdAssessed.RuleSet("berkshire", "2026.1"),
                                List.of(new ThresholdAssessed.RuleFired("DA-CHILD-PRESENT",
                                        "Domestic abuse with a child present"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void an_event_is_written_exactly_as_pinned(String file, String revision, ChildEvent event) throws Exception {
        SerializedObject<String> written = serializer.serialize(event, String.class);

        JSONAssert.assertEquals(pinned(file), written.getData(), JSONCompareMode.STRICT);
        assertThat(written.getType().getRevision()).isEqualTo(revision);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void the_pinned_json_reads_back_as_the_event(String file, String revision, ChildEvent event) throws Exception {
        var stored = new SimpleSerializedObject<>(pinned(file), String.class,
                new SimpleSerializedType(event.getClass().getName(), revision));

        Object read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(event);
    }

    private String pinned(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/" + file)) {
            assertThat(in).as("pinned file " + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
