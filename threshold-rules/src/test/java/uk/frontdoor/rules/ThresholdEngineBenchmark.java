package uk.frontdoor.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.frontdoor.rules.check.Scenario;
import uk.frontdoor.rules.check.ScenarioFile;

/**
 * decide() per second on one thread with the shipped rule sets. The mix is every row of the scenarios table
 * (domestic abuse notifications, neglect, exploitation, missing, history-heavy rows, both rule-set versions),
 * cycled in order. Not a JUnit test: surefire runs only *Test classes. Run it with the command in
 * docs/benchmarks.md. {@code mode=CEL_ONLY} measures the plain CEL interpreter, for comparison with the fast path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThresholdEngineBenchmark {

    @Param({"OPTIMISED", "CEL_ONLY"})
    public String mode;

    private ThresholdEngine engine;
    private Scenario[] mix;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = new ThresholdEngine(RuleSetCatalogue.loadDefault(), WorkingCalendar.englandAndWales(), ResponseScheme.defaults(),
                CompiledRule.EvaluationMode.valueOf(mode));
        try (InputStream in = ThresholdEngineBenchmark.class.getResourceAsStream("/scenarios/berkshire-scenarios.csv")) {
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            mix = ScenarioFile.parse("berkshire-scenarios.csv", lines).toArray(Scenario[]::new);
        }
    }

    @Benchmark
    public ThresholdDecision decide() {
        Scenario s = mix[next];
        next = next + 1 == mix.length ? 0 : next + 1;
        return engine.decide(s.contact(), s.history());
    }
}
