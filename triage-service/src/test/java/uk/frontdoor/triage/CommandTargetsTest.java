package uk.frontdoor.triage;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The cached resolver finds the same target as Axon's own, and refuses what Axon's refuses, with the same message. */
class CommandTargetsTest {

    record OnAComponent(@TargetAggregateIdentifier String id, String other) {
    }

    record WithAVersion(@TargetAggregateIdentifier ChildId child, @TargetAggregateVersion String version) {
    }

    static final class OnAMethod {
        private final String id = "by-method";

        @TargetAggregateIdentifier
        String target() {
            return id;
        }
    }

    static class OnAField {
        @TargetAggregateIdentifier
        private final Object id;
        @TargetAggregateVersion
        private final long version;

        OnAField(Object id, long version) {
            this.id = id;
            this.version = version;
        }
    }

    static final class Inherited extends OnAField {
        Inherited() {
            super("from-the-superclass", 7);
        }
    }

    record Untargeted(String id) {
    }

    static List<Object> commands() {
        return List.of(
                new OnAComponent("c-1", "x"),
                new WithAVersion(ChildId.of("child-1"), "12"),
                new WithAVersion(ChildId.of("child-2"), null),
                new WithAVersion(ChildId.of("child-3"), "not a number"),
                new OnAMethod(),
                new OnAField("f-1", 3),
                new Inherited(),
                new OnAComponent(null, "no id"),
                new Untargeted("u"),
                new ClaimContact(ChildId.of("child-4"), ContactId.of("contact-1"), null));
    }

    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargets cached = new CommandTargets();

    @ParameterizedTest
    @MethodSource("commands")
    void resolves_as_axon_does_the_first_time_and_from_the_cache(Object payload) {
        var command = GenericCommandMessage.asCommandMessage(payload);
        Throwable axonRefused = catchThrowable(() -> axon.resolveTarget(command));
        for (int time = 0; time < 2; time++) {
            if (axonRefused == null) {
                assertThat(cached.resolveTarget(command)).isEqualTo(axon.resolveTarget(command));
            } else {
                Throwable refused = catchThrowable(() -> cached.resolveTarget(command));
                assertThat(refused).isInstanceOf(axonRefused.getClass()).hasMessage(axonRefused.getMessage());
                assertThat(refused.getCause() == null ? null : refused.getCause().getClass())
                        .isEqualTo(axonRefused.getCause() == null ? null : axonRefused.getCause().getClass());
            }
        }
    }
}
