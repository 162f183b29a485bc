package uk.frontdoor.intake.submission;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.frontdoor.triage.api.value.ContactSubmission;

/**
 * Submissions read per second on one thread: the police example from the issue (a typical contact, every
 * optional field filled in, one household member), and the same contact with five mistakes in it (what a
 * partner's first integration attempt looks like). The reader is built once, as the service builds it once.
 * Not a JUnit test: surefire runs only *Test classes. Run it with the command in docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SubmissionReaderBenchmark {

    private SubmissionReader reader;
    private byte[] typical;
    private byte[] faulty;

    @Setup(Level.Trial)
    public void setUp() {
        reader = Submissions.reader();
        typical = Submissions.bytes(Submissions.policeExample());
        faulty = Submissions.policeExampleWith(Submissions.all(
                Submissions.set("referrer.email", "a.example@police"),
                Submissions.set("child.nhsNumber", "9434765918"),
                Submissions.set("child.address.postcode", "SL1 1CA"),
                Submissions.set("concerns.factors", List.of("21", "3A")),
                Submissions.remove("consent.reason")));
        reader.read(typical);
    }

    @Benchmark
    public ContactSubmission readTypical() {
        return reader.read(typical);
    }

    @Benchmark
    public List<Violation> readFaulty() {
        try {
            reader.read(faulty);
            throw new IllegalStateException("the faulty submission was accepted");
        } catch (SubmissionRejectedException rejected) {
            return rejected.violations();
        }
    }
}
