package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.child.ChildStreams;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.dataprotection.PersonalDataModule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many children's streams read in one statement give each child exactly the events a load of that child gives
 * (upcast, decrypted, in order), on the real event store.
 */
class ChildStreamsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private ChildStreams streams;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private PersonalDataKeys keys;

    @Test
    void each_childs_stream_read_together_is_the_stream_a_load_of_the_child_reads() {
        ObjectNode first = submission();
        String twice = childOf(contactIdOf(postContact(POLICE_KEY, first)));
        ObjectNode again = sentBy(SCHOOL_KEY, submission());
        again.set("child", first.get("child").deepCopy());
        assertThat(childOf(contactIdOf(postContact(SCHOOL_KEY, again)))).isEqualTo(twice);
        String once = childOf(contactIdOf(postContact(HEALTH_KEY, sentBy(HEALTH_KEY, submission()))));
        String none = UUID.randomUUID().toString();

        Map<String, List<ChildEvent>> read = streams.read(List.of(once, none, twice));

        assertThat(read.keySet()).containsExactly(once, none, twice);
        assertThat(read.get(none)).isEmpty();
        for (String child : List.of(once, twice)) {
            List<ChildEvent> loaded = EventStreamUtils.asStream(eventStore.readEvents(child))
                    .map(event -> (ChildEvent) event.getPayload()).toList();
            assertThat(read.get(child)).as(child).hasSizeGreaterThan(1).containsExactlyElementsOf(loaded);
        }
        assertThat(read.get(twice)).hasSizeGreaterThan(read.get(once).size());

        // Deserialised on a helper thread as well, each child on one: the same children in the same order, the same
        // events; and leaving out the types a caller does not want leaves the others as they were.
        var helper = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Map<String, List<ChildEvent>> shared = streams.read(List.of(once, none, twice), everyType(),
                    List.of(helper));
            assertThat(shared.keySet()).containsExactly(once, none, twice);
            assertThat(shared).isEqualTo(read);
            Map<String, List<ChildEvent>> contactsOnly = streams.read(List.of(once, twice),
                    Set.of(ContactReceived.class), List.of(helper));
            for (String child : List.of(once, twice)) {
                assertThat(contactsOnly.get(child)).isNotEmpty().containsExactlyElementsOf(read.get(child).stream()
                        .filter(ContactReceived.class::isInstance).toList());
            }
        } finally {
            helper.shutdownNow();
        }
    }

    /**
     * A reader that opens only the child: the child reads as stored, every other personal field as erased (its
     * key never asked for it), and everything else as a full read gives it.
     */
    @Test
    void a_reader_that_opens_only_the_child_reads_the_other_personal_fields_as_erased() {
        ObjectNode sent = submission();
        String child = childOf(contactIdOf(postContact(POLICE_KEY, sent)));
        ContactReceived full = (ContactReceived) streams.read(List.of(child)).get(child).get(0);

        ContactReceived opened = (ContactReceived) streams.readBy(EventJson.opening(keys,
                Set.of(new PersonalDataModule.Field(ContactSubmission.class, "child")))).read(List.of(child))
                .get(child).get(0);

        ContactSubmission read = opened.submission();
        assertThat(read.child()).isEqualTo(full.submission().child());
        assertThat(read.child().familyName()).isEqualTo(sent.get("child").get("familyName").asText());
        assertThat(full.submission().concerns().narrative()).isNotEqualTo(PersonalData.ERASED);
        assertThat(read.concerns().narrative()).isEqualTo(PersonalData.ERASED);
        assertThat(read.concerns().factors()).isEqualTo(full.submission().concerns().factors());
        assertThat(read.concerns().indicators()).isEqualTo(full.submission().concerns().indicators());
        assertThat(full.submission().household()).isNotEmpty();
        assertThat(read.household()).isEmpty();
        assertThat(read.referrer()).isNotEqualTo(full.submission().referrer());
        assertThat(read).usingRecursiveComparison().ignoringFields("household", "referrer", "concerns.narrative",
                "actionsTaken", "consent.reason").isEqualTo(full.submission());
        assertThat(opened).usingRecursiveComparison().ignoringFields("submission").isEqualTo(full);
    }

    private static Set<Class<? extends ChildEvent>> everyType() {
        return java.util.Arrays.stream(ChildEvent.class.getPermittedSubclasses())
                .map(type -> type.asSubclass(ChildEvent.class)).collect(java.util.stream.Collectors.toSet());
    }
}
