package dev.seqserve.serving.model.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingQueueTest {

    private final PendingQueue<String, String> queue = new PendingQueue<>();
    private long sequence;

    @Test
    void batchIsTheMostEfficientRunOfSimilarSizesAroundTheOldestRequest() {
        int[] sizes = {50, 10, 300, 12, 48, 11, 52, 305, 49, 9};
        for (int size : sizes) {
            add(size);
        }

        assertThat(sizesOf(queue.takeBatch(4))).containsExactly(48, 49, 50, 52);
        assertThat(sizesOf(queue.takeBatch(4))).as("9 would pad the batch by more than it adds").containsExactly(10, 11, 12);
        assertThat(sizesOf(queue.takeBatch(4))).containsExactly(300, 305);
        assertThat(sizesOf(queue.takeBatch(4))).containsExactly(9);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.takeBatch(4)).isEmpty();
    }

    @Test
    void sequencesThatWouldMostlyBePaddingAreLeftForABatchOfTheirOwn() {
        for (int size : new int[] {10, 400, 11, 390, 12, 395}) {
            add(size);
        }

        assertThat(sizesOf(queue.takeBatch(6))).containsExactly(10, 11, 12);
        assertThat(sizesOf(queue.takeBatch(6))).containsExactly(390, 395, 400);
    }

    @Test
    void inputsOfOneSizeFillTheBatch() {
        for (int i = 0; i < 10; i++) {
            add(365);
        }

        assertThat(queue.takeBatch(8)).hasSize(8);
        assertThat(queue.takeBatch(8)).hasSize(2);
    }

    @Test
    void everyBatchContainsTheOldestWaitingRequestAndNoRequestIsTakenTwice() {
        Random random = new Random(7);
        Set<Long> taken = new HashSet<>();
        int added = 0;
        for (int round = 0; round < 2_000; round++) {
            for (int k = random.nextInt(6); k > 0; k--) {
                add(1 + random.nextInt(400));
                added++;
            }
            Request<String, String> oldest = queue.oldest();
            List<Request<String, String>> batch = queue.takeBatch(1 + random.nextInt(8));
            if (oldest == null) {
                assertThat(batch).isEmpty();
                continue;
            }
            assertThat(batch).contains(oldest);
            for (Request<String, String> request : batch) {
                assertThat(taken.add(request.sequence)).as("taken once").isTrue();
            }
        }
        while (!queue.isEmpty()) {
            queue.takeBatch(8).forEach(r -> taken.add(r.sequence));
        }
        assertThat(taken).hasSize(added);
    }

    @Test
    void onlyRequestsSubmittedByTheCutoffAreRemovedAsExpired() {
        Request<String, String> first = add(5, 100);
        add(1, 200);
        add(9, 300);

        assertThat(queue.removeOldestIfSubmittedBy(99)).isNull();
        assertThat(queue.removeOldestIfSubmittedBy(100)).isSameAs(first);
        assertThat(queue.removeOldestIfSubmittedBy(250).submittedNanos).isEqualTo(200);
        assertThat(queue.removeOldestIfSubmittedBy(250)).isNull();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(sizesOf(queue.takeBatch(4))).containsExactly(9);
    }

    private Request<String, String> add(int size) {
        return add(size, sequence);
    }

    private Request<String, String> add(int size, long submittedNanos) {
        Request<String, String> request = new Request<>("r" + sequence, size, sequence++, submittedNanos, false);
        queue.add(request);
        return request;
    }

    private static List<Integer> sizesOf(List<Request<String, String>> batch) {
        List<Integer> sizes = new ArrayList<>();
        batch.forEach(r -> sizes.add(r.size));
        return sizes;
    }
}
