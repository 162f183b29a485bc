package uk.frontdoor.triage;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which aggregate a command targets, as Axon's {@link AnnotationCommandTargetResolver} finds it (the first method,
 * else the first field, annotated {@link TargetAggregateIdentifier}, and likewise {@link TargetAggregateVersion}),
 * with the annotated members looked up once per command class instead of on every command. Axon's looked them up
 * reflectively for each message, walking every method and field of the class and its annotations twice: 3.4% of
 * the Kafka listener's samples, one nested command a contact (docs/benchmarks.md, "The write path: Axon's
 * per-message machinery").
 */
public final class CommandTargets implements CommandTargetResolver {

    private final ConcurrentMap<Class<?>, Members> byType = new ConcurrentHashMap<>();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Members members = byType.computeIfAbsent(command.getPayloadType(), Members::of);
        Object identifier;
        Long version;
        try {
            identifier = members.identifier == null ? null : members.identifier.read(command.getPayload());
            version = members.version == null ? null : asLong(members.version.read(command.getPayload()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(
                    "The current security context does not allow extraction of aggregate information from the given command.", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target aggregate. "
                    + "Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(value.toString());
    }

    /** How to read one annotated member of a command. */
    @FunctionalInterface
    private interface Reader {
        Object read(Object payload) throws InvocationTargetException, IllegalAccessException;
    }

    private record Members(Reader identifier, Reader version) {

        static Members of(Class<?> type) {
            return new Members(annotated(type, TargetAggregateIdentifier.class),
                    annotated(type, TargetAggregateVersion.class));
        }

        /** The same member, in the same order of search, that Axon's resolver reads. */
        private static Reader annotated(Class<?> type, Class<? extends Annotation> annotation) {
            for (Method method : ReflectionUtils.methodsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                    Method accessible = ReflectionUtils.ensureAccessible(method);
                    return payload -> accessible.invoke(payload);
                }
            }
            for (Field field : ReflectionUtils.fieldsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                    return payload -> ReflectionUtils.getFieldValue(field, payload);
                }
            }
            return null;
        }
    }
}
