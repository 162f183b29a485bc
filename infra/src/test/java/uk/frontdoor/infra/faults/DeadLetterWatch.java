package uk.frontdoor.infra.faults;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads the dead-letter topic from its start for the whole fault run (through broker restarts: the consumer
 * reconnects by itself) and keeps each key with the reason the front door gave, and how many records it had.
 */
final class DeadLetterWatch implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, String> reasons = new ConcurrentHashMap<>();
    private final Map<String, Integer> records = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean watching = true;

    DeadLetterWatch(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "frontdoor-faults-dlq"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        List<TopicPartition> assigned = new ArrayList<>();
        partitions.forEach(p -> assigned.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        thread = new Thread(this::watch, "fault-dead-letters");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (watching) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header reason = record.headers().lastHeader("frontdoor-rejection-reason");
                    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                    reasons.put(key, reason == null ? "(none)" : new String(reason.value(), StandardCharsets.UTF_8));
                    records.merge(key, 1, Integer::sum);
                }
            }
        } catch (WakeupException stopping) {
            // close() wakes the poll.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The keys dead-lettered that start with this prefix, each with its reason. */
    Map<String, String> reasons(String prefix) {
        return reasons.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Set<String> keys(String prefix) {
        return reasons(prefix).keySet();
    }

    /** Records on the topic with keys that start with this prefix (a key dead-lettered twice counts twice). */
    long records(String prefix) {
        return records.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
