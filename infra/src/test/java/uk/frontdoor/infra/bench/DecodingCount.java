package uk.frontdoor.infra.bench;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
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
                if (!"eventSerializer".equals(beanName)) {
                    return bean;
                }
                // Still a Jackson serializer over the same mapper, so what the service does with one (its shared
                // decoding reads meta data with the mapper directly) is what is measured.
                return bean instanceof JacksonSerializer jackson ? new CountingJackson(jackson) : bean;
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

    private static void count(SerializedObject<?> serializedObject) {
        if (serializedObject.getType().getName().startsWith("uk.frontdoor.triage.api.")) {
            BY_THREAD.computeIfAbsent(group(Thread.currentThread().getName()), g -> new LongAdder()).increment();
        }
    }

    private static final class CountingJackson extends JacksonSerializer {

        private CountingJackson(JacksonSerializer counted) {
            super(JacksonSerializer.builder().objectMapper(counted.getObjectMapper()));
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            count(serializedObject);
            return super.deserialize(serializedObject);
        }
    }
}
