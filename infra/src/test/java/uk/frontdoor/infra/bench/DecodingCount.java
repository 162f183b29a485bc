package uk.frontdoor.infra.bench;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many times stored events' payloads are deserialised (and their personal fields decrypted), by the thread's
 * processing group: the event serializer wrapped for a benchmark only, counting each payload of the service's own
 * event classes it reads. Compared with the events stored in the same time, it says how often each stored event is
 * decoded (once, ideally, however many read models handle it).
 */
@TestConfiguration(proxyBeanMethods = false)
class DecodingCount {

    private static final Pattern PROCESSOR_THREAD = Pattern.compile("(?:WorkPackage|Coordinator)\\[(.+)]-\\d+");
    static final Map<String, LongAdder> BY_THREAD = new ConcurrentHashMap<>();

    @Bean
    static BeanPostProcessor countingEventSerializer() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return "eventSerializer".equals(beanName) && bean instanceof Serializer serializer
                        ? new Counting(serializer) : bean;
            }
        };
    }

    static void reset() {
        BY_THREAD.clear();
    }

    /** Payload deserialisations since {@link #reset}, by processing group ("other" for any other thread). */
    static Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        BY_THREAD.forEach((group, count) -> counts.put(group, count.sum()));
        return counts;
    }

    private static String group(String thread) {
        Matcher processor = PROCESSOR_THREAD.matcher(thread);
        return processor.matches() ? processor.group(1) : thread.startsWith("contact-submissions-0-C") ? "kafka listener"
                : "other";
    }

    private record Counting(Serializer delegate) implements Serializer {

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return delegate.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            if (serializedObject.getType().getName().startsWith("uk.frontdoor.triage.api.")) {
                BY_THREAD.computeIfAbsent(group(Thread.currentThread().getName()), g -> new LongAdder()).increment();
            }
            return delegate.deserialize(serializedObject);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            return delegate.classForType(type);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public SerializedType typeForClass(Class type) {
            return delegate.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return delegate.getConverter();
        }
    }
}
