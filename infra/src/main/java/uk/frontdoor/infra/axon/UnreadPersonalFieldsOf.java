package uk.frontdoor.infra.axon;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import uk.frontdoor.projections.UnreadPersonalFields;
import uk.frontdoor.triage.dataprotection.PersonalDataModule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The personal fields a processor's rebuild may leave sealed: those that every one of its handlers' classes declares
 * it does not read ({@link UnreadPersonalFields}). A handler whose class declares nothing reads them all, and so does
 * an invoker whose handlers cannot be told: the set is then empty.
 */
final class UnreadPersonalFieldsOf {

    private UnreadPersonalFieldsOf() {
    }

    static Set<PersonalDataModule.Field> processor(EventHandlerInvoker invoker) {
        List<Class<?>> handlers = new ArrayList<>();
        if (!handlerTypes(invoker, handlers) || handlers.isEmpty()) {
            return Set.of();
        }
        Set<PersonalDataModule.Field> unread = null;
        for (Class<?> handler : handlers) {
            Set<PersonalDataModule.Field> declared = declaredBy(handler);
            if (unread == null) {
                unread = new HashSet<>(declared);
            } else {
                unread.retainAll(declared);
            }
        }
        return Set.copyOf(unread);
    }

    /** What a class declares, each field checked to be a personal component of its record. */
    static Set<PersonalDataModule.Field> declaredBy(Class<?> handler) {
        UnreadPersonalFields unread = handler.getAnnotation(UnreadPersonalFields.class);
        if (unread == null) {
            return Set.of();
        }
        Set<PersonalDataModule.Field> fields = new HashSet<>();
        for (UnreadPersonalFields.Of of : unread.value()) {
            for (String name : of.fields()) {
                fields.add(new PersonalDataModule.Field(of.type(), name));
            }
        }
        return fields;
    }

    /** False if some handler's class cannot be told. */
    private static boolean handlerTypes(EventHandlerInvoker invoker, List<Class<?>> into) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            for (EventHandlerInvoker delegate : multi.delegates()) {
                if (!handlerTypes(delegate, into)) {
                    return false;
                }
            }
            return true;
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            for (EventMessageHandler handler : simple.eventHandlers()) {
                into.add(handler.getTargetType());
            }
            return true;
        }
        return false;
    }
}
