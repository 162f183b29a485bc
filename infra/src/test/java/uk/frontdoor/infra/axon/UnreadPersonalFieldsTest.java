package uk.frontdoor.infra.axon;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import uk.frontdoor.projections.UnreadPersonalFields;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.dataprotection.PersonalDataModule;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a rebuild leaves sealed: only personal fields that exist, and only those no handler of the processor reads. */
class UnreadPersonalFieldsTest {

    @Test
    void every_field_a_read_model_says_it_does_not_read_is_a_personal_field_of_its_record() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(UnreadPersonalFields.class));
        List<Class<?>> declaring = scan.findCandidateComponents("uk.frontdoor").stream()
                .<Class<?>>map(definition -> {
                    try {
                        return Class.forName(definition.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();

        assertThat(declaring).extracting(Class::getSimpleName)
                .contains("TriageQueueProjection", "ContactStatusProjection", "ChildChronologyProjection");
        for (Class<?> readModel : declaring) {
            Set<PersonalDataModule.Field> fields = UnreadPersonalFieldsOf.declaredBy(readModel);
            assertThat(fields).as(readModel.getSimpleName()).isNotEmpty();
            for (PersonalDataModule.Field field : fields) {
                RecordComponent component = Arrays.stream(field.declaredBy().getRecordComponents())
                        .filter(c -> c.getName().equals(field.name())).findFirst().orElse(null);
                assertThat(component).as(readModel.getSimpleName() + ": " + field).isNotNull();
                assertThat(component.getAccessor().isAnnotationPresent(Personal.class)
                        || field.declaredBy().getDeclaredField(field.name()).isAnnotationPresent(Personal.class)
                        || component.isAnnotationPresent(Personal.class))
                        .as(readModel.getSimpleName() + ": " + field + " is personal").isTrue();
            }
        }
    }

    @Test
    void a_field_is_left_sealed_only_if_every_handler_of_the_processor_leaves_it() {
        var invoker = new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(new ReadsNoReferrer()).build(),
                SimpleEventHandlerInvoker.builder().eventHandlers(new ReadsNoReferrerNorReason()).build());

        assertThat(UnreadPersonalFieldsOf.processor(invoker))
                .containsExactly(new PersonalDataModule.Field(ContactSubmission.class, "referrer"));
        assertThat(UnreadPersonalFieldsOf.processor(SimpleEventHandlerInvoker.builder()
                .eventHandlers(new ReadsNoReferrerNorReason(), new DeclaresNothing()).build())).isEmpty();
        assertThat(UnreadPersonalFieldsOf.processor(SimpleEventHandlerInvoker.builder()
                .eventHandlers(new ReadsNoReferrerNorReason()).build())).containsExactlyInAnyOrder(
                new PersonalDataModule.Field(ContactSubmission.class, "referrer"),
                new PersonalDataModule.Field(ProposalReturned.class, "reason"));
    }

    @UnreadPersonalFields(@UnreadPersonalFields.Of(type = ContactSubmission.class, fields = "referrer"))
    static class ReadsNoReferrer {
        @EventHandler
        void on(ContactReceived event) {
        }
    }

    @UnreadPersonalFields({
            @UnreadPersonalFields.Of(type = ContactSubmission.class, fields = "referrer"),
            @UnreadPersonalFields.Of(type = ProposalReturned.class, fields = "reason")})
    static class ReadsNoReferrerNorReason {
        @EventHandler
        void on(ContactReceived event) {
        }
    }

    static class DeclaresNothing {
        @EventHandler
        void on(ContactReceived event) {
        }
    }
}
