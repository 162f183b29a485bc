package uk.frontdoor.infra.axon;

import org.junit.jupiter.api.Test;

import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;

class CountedQueueTest {

    private final CountedWorkQueues.CountedQueue<String> queue = new CountedWorkQueues.CountedQueue<>();

    @Test
    void counts_what_goes_in_and_out_in_order() {
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.size()).isZero();
        assertThat(queue.poll()).isNull();
        assertThat(queue.size()).isZero();

        queue.add("a");
        queue.add("b");
        queue.add("c");
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.peek()).isEqualTo("a");

        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue).containsExactly("b", "c");

        Iterator<String> iterator = queue.iterator();
        iterator.next();
        iterator.remove();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.poll()).isEqualTo("c");
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.size()).isZero();
    }
}
