package uk.frontdoor.infra.axon;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's message identifiers come from a generator per thread, and are random UUIDs as before. */
class PerThreadRandomIdentifiersTest {

    @Test
    void axon_finds_the_factory_and_its_messages_use_it() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(PerThreadRandomIdentifiers.class);
        String identifier = GenericEventMessage.asEventMessage("an event").getIdentifier();
        assertThat(UUID.fromString(identifier).version()).isEqualTo(4);
    }

    @Test
    void identifiers_are_version_4_ietf_variant_uuids_in_the_usual_text() {
        PerThreadRandomIdentifiers factory = new PerThreadRandomIdentifiers();
        for (int i = 0; i < 10_000; i++) {
            String identifier = factory.generateIdentifier();
            UUID uuid = UUID.fromString(identifier);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(identifier);
            assertThat(identifier).hasSize(36);
        }
    }

    @Test
    void the_bytes_drawn_become_the_uuid_with_only_its_version_and_variant_bits_set() {
        SecureRandom allOnes = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xff);
            }
        };
        SecureRandom allZeros = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        };
        assertThat(PerThreadRandomIdentifiers.randomUuid(allOnes))
                .hasToString("ffffffff-ffff-4fff-bfff-ffffffffffff");
        assertThat(PerThreadRandomIdentifiers.randomUuid(allZeros))
                .hasToString("00000000-0000-4000-8000-000000000000");
    }

    @Test
    void threads_drawing_at_once_never_repeat_an_identifier() throws Exception {
        PerThreadRandomIdentifiers factory = new PerThreadRandomIdentifiers();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> drawn = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                drawn.add(threads.submit(() -> {
                    int fresh = 0;
                    for (int i = 0; i < 25_000; i++) {
                        if (seen.add(factory.generateIdentifier())) {
                            fresh++;
                        }
                    }
                    return fresh;
                }));
            }
            int total = 0;
            for (Future<Integer> each : drawn) {
                total += each.get();
            }
            assertThat(total).isEqualTo(200_000);
            assertThat(seen).hasSize(200_000);
        } finally {
            threads.shutdownNow();
        }
    }
}
