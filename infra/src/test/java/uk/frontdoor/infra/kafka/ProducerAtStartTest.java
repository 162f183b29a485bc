package uk.frontdoor.infra.kafka;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ProducerAtStartTest {

    @Test
    void the_shared_producer_exists_before_the_first_send_and_is_the_one_sends_use() {
        AtomicInteger created = new AtomicInteger();
        // A broker nobody listens on: creating the producer must not wait for one.
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        factory.addListener(new org.springframework.kafka.core.ProducerFactory.Listener<>() {
            @Override
            public void producerAdded(String id, org.apache.kafka.clients.producer.Producer<byte[], byte[]> producer) {
                created.incrementAndGet();
            }
        });
        try {
            new ProducerAtStart(factory).create();
            assertThat(created).hasValue(1);
            factory.createProducer();
            assertThat(created).as("the first send's producer is the one made at start").hasValue(1);
        } finally {
            factory.destroy();
        }
    }

    @Test
    void a_producer_that_cannot_be_made_at_start_does_not_stop_the_service() {
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "no-such-host.invalid:9092",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        assertThatCode(factory::createProducer).isInstanceOf(KafkaException.class);
        assertThatCode(new ProducerAtStart(factory)::create).doesNotThrowAnyException();
        factory.destroy();
    }
}
