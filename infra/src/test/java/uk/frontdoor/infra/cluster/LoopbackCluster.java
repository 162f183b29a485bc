package uk.frontdoor.infra.cluster;

import uk.frontdoor.infra.dataprotection.TestMasterKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.Uuid;
import org.springframework.util.FileSystemUtils;
import uk.frontdoor.infra.security.TestIdentityProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scale-out run's machinery on loopback, each part its own process as on a real cluster: a 3-node
 * KRaft Kafka cluster from the Kafka jars on the test classpath (each node broker and controller, topics
 * replicated 3 times, 2 in sync to write), one PostgreSQL (zonky's binaries), a small OIDC provider in this
 * JVM (the prod profile reads its discovery document at start-up) and N instances of the service jar on the
 * prod profile. Logs go to {@code target/cluster-run/}. The fault runs ({@code uk.frontdoor.infra.faults}) use it
 * with a single broker, and stop and start the broker and PostgreSQL on the same ports and data. Everything it
 * started is stopped by {@link #close()}, or by a shutdown hook if the test JVM is stopped first.
 */
public final class LoopbackCluster implements AutoCloseable {

    static final String POLICE_KEY_SHA256 = "c526584d45c568ebaa3c7ed63dcbf0c90fd8c223ff3153b6219be26cddb0b2db";
    static final String SCHOOL_KEY_SHA256 = "51622ffea1269e1fe95ce7cf06ebb603ef1c00e60fb478ab555643999a29453e";
    static final String HEALTH_KEY_SHA256 = "4a41148cc614ff15d997ac63e121b686b202f5ab57e152673f9eee0482d846a8";

    /** One process of the run, with the port it serves on. */
    public record Node(String name, Process process, int port, Path log) {
        public boolean alive() {
            return process.isAlive();
        }

        /** SIGKILL: no shutdown hook, no graceful stop. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private final Path workDir;
    private final Path jar;
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Node> brokers = new ArrayList<>();
    private final List<Node> instances = new ArrayList<>();
    private final List<Path> brokerConfigs = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::closeQuietly, "loopback-cluster-stop");
    /** One master key for the run's shared database (the prod profile has none of its own). */
    private final String masterKey = TestMasterKeys.random32();
    private int postgresPort;
    private EmbeddedPostgres postgres;
    private TestIdentityProvider identityProvider;
    private boolean closed;

    public LoopbackCluster(Path workDir, Path jar) throws IOException {
        this.workDir = workDir;
        this.jar = jar;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": run in the 'package' phase or later");
        }
        // A fresh cluster every run: Kafka refuses storage formatted for another cluster id.
        FileSystemUtils.deleteRecursively(workDir);
        Files.createDirectories(workDir);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts PostgreSQL on a port of its own and a data directory under the work directory (kept when stopped). */
    public void startPostgres() throws IOException {
        if (postgresPort == 0) {
            postgresPort = freePort();
        }
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPort(postgresPort)
                // The directory is fresh (the constructor empties the work directory) and is kept on a stop, so
                // that a restart finds the same data; close() leaves it for the logs' sake too.
                .setDataDirectory(workDir.resolve("postgres")).setCleanDataDirectory(false)
                // Three instances with their pools, and the test's own connections.
                .setServerConfig("max_connections", "200").start();
    }

    /** Stops PostgreSQL (a fast shutdown: every connection is cut); {@link #startPostgres()} starts it again. */
    public void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    /** The JDBC address, stable across a restart of PostgreSQL. */
    public String postgresJdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres?user=postgres";
    }

    public void startIdentityProvider() {
        identityProvider = TestIdentityProvider.start();
    }

    TestIdentityProvider identityProvider() {
        return identityProvider;
    }

    /** Formats and starts three KRaft nodes, each broker and controller, and waits until they answer. */
    public void startKafka() throws Exception {
        startKafka(3);
    }

    /**
     * Formats and starts this many KRaft nodes, each broker and controller: with three, topics are replicated 3
     * times and 2 replicas must be in sync to write; with one, there is one copy of everything.
     */
    public void startKafka(int nodes) throws Exception {
        int replicas = Math.min(nodes, 3);
        int inSync = Math.max(1, replicas - 1);
        int[] brokerPorts = new int[nodes];
        int[] controllerPorts = new int[nodes];
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < nodes; i++) {
            brokerPorts[i] = freePort();
            controllerPorts[i] = freePort();
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@localhost:").append(controllerPorts[i]);
        }
        String clusterId = Uuid.randomUuid().toString();
        List<Process> formats = new ArrayList<>();
        List<Path> configs = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("process.roles", "broker,controller");
            config.put("node.id", Integer.toString(i + 1));
            config.put("controller.quorum.voters", voters.toString());
            config.put("listeners", "PLAINTEXT://localhost:" + brokerPorts[i] + ",CONTROLLER://localhost:" + controllerPorts[i]);
            config.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPorts[i]);
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            config.put("controller.listener.names", "CONTROLLER");
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("log.dirs", workDir.resolve("kafka-" + (i + 1)).toString());
            config.put("default.replication.factor", Integer.toString(replicas));
            config.put("min.insync.replicas", Integer.toString(inSync));
            config.put("offsets.topic.replication.factor", Integer.toString(replicas));
            config.put("transaction.state.log.replication.factor", Integer.toString(replicas));
            config.put("transaction.state.log.min.isr", Integer.toString(inSync));
            config.put("auto.create.topics.enable", "false");
            config.put("group.initial.rebalance.delay.ms", "0");
            // A dead broker is fenced, and so dropped from every ISR, within seconds: until then writes that need
            // 2 in-sync replicas (offset commits among them) wait for it, and a listener committing waits too.
            config.put("broker.session.timeout.ms", "6000");
            config.put("broker.heartbeat.interval.ms", "1500");
            config.put("replica.lag.time.max.ms", "10000");
            Path file = workDir.resolve("kafka-" + (i + 1) + ".properties");
            StringBuilder text = new StringBuilder();
            config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            Files.writeString(file, text);
            configs.add(file);
            formats.add(java("kafka-format-" + (i + 1), List.of("-Xmx256m"), "kafka.tools.StorageTool",
                    List.of("format", "-t", clusterId, "-c", file.toString()), Map.of()).process());
        }
        for (Process format : formats) {
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting a Kafka node's storage failed: see " + workDir);
            }
        }
        brokerConfigs.addAll(configs);
        for (int i = 0; i < nodes; i++) {
            brokers.add(startBroker(i + 1, brokerPorts[i]));
        }
    }

    private Node startBroker(int number, int port) throws IOException {
        Node node = java("kafka-" + number + (brokers.size() >= number ? "-again" : ""),
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), "kafka.Kafka",
                List.of(brokerConfigs.get(number - 1).toString()), Map.of());
        return new Node(node.name(), node.process(), port, node.log());
    }

    /** Stops a broker (SIGTERM: a controlled shutdown) and waits for it to end. */
    public void stopBroker(int number) throws InterruptedException {
        Node broker = brokers.get(number - 1);
        broker.process().destroy();
        if (!broker.process().waitFor(60, TimeUnit.SECONDS)) {
            broker.kill();
        }
    }

    /** Starts a stopped broker again on its own port, configuration and log. */
    public void restartBroker(int number) throws IOException {
        Node old = brokers.get(number - 1);
        if (old.alive()) {
            throw new IllegalStateException(old.name() + " is still running");
        }
        brokers.set(number - 1, startBroker(number, old.port()));
    }

    public String bootstrapServers() {
        return String.join(",", brokers.stream().map(node -> "localhost:" + node.port()).toList());
    }

    public List<Node> brokers() {
        return brokers;
    }

    /** Starts one more instance of the service jar on the prod profile; {@link #awaitReady} waits for it. */
    public Node startInstance() throws IOException {
        return startInstance(freePort());
    }

    /** Starts an instance on this port: the same port as one killed, so its clients find it again. */
    public Node startInstance(int port) throws IOException {
        int number = instances.size() + 1;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "prod");
        env.put("FRONTDOOR_DB_URL", "jdbc:postgresql://localhost:" + postgresPort + "/postgres");
        env.put("FRONTDOOR_DB_USER", "postgres");
        env.put("FRONTDOOR_DB_PASSWORD", "");
        env.put("FRONTDOOR_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("FRONTDOOR_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        env.put("FRONTDOOR_OIDC_ISSUER_URI", identityProvider.issuer());
        env.put("FRONTDOOR_OIDC_CLIENT_ID", TestIdentityProvider.CLIENT_ID);
        env.put("FRONTDOOR_OIDC_CLIENT_SECRET", TestIdentityProvider.CLIENT_SECRET);
        env.put("FRONTDOOR_DATA_PROTECTION_MASTER_KEY", masterKey);
        String[][] agencies = {{"demo-police", "Demo Police", POLICE_KEY_SHA256},
                {"demo-school", "Demo School", SCHOOL_KEY_SHA256}, {"demo-health", "Demo Health", HEALTH_KEY_SHA256}};
        for (int i = 0; i < agencies.length; i++) {
            env.put("FRONTDOOR_PARTNERS_AGENCIES_" + i + "_CODE", agencies[i][0]);
            env.put("FRONTDOOR_PARTNERS_AGENCIES_" + i + "_NAME", agencies[i][1]);
            env.put("FRONTDOOR_PARTNERS_AGENCIES_" + i + "_APIKEYSHA256", agencies[i][2]);
        }
        env.put("SERVER_PORT", Integer.toString(port));
        // Rebalance quickly in a short run: instances beat and share segments every 2 s.
        env.put("FRONTDOOR_CLUSTER_INTERVAL", "2s");
        env.put("FRONTDOOR_CLUSTER_MEMBERTIMEOUT", "6s");
        List<String> jvm = List.of("-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        Node started = java("service-" + number, jvm, null, List.of("-jar", jar.toString()), env);
        Node node = new Node(started.name(), started.process(), port, started.log());
        instances.add(node);
        return node;
    }

    public List<Node> instances() {
        return instances;
    }

    /** Waits until the instance says it is ready for traffic (the readiness probe), or fails with its log's tail. */
    public void awaitReady(Node instance, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!instance.alive()) {
                throw new IllegalStateException(instance.name() + " stopped while starting:\n" + tail(instance.log()));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + instance.port() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(instance.name() + " not ready in " + timeout + ":\n" + tail(instance.log()));
    }

    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Node java(String name, List<String> jvmOptions, String mainClass, List<String> args, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(jvmOptions);
        if (mainClass != null) {
            command.add("-Dlogback.configurationFile=" + Path.of("target/test-classes/cluster-kafka-logback.xml").toAbsolutePath());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
        }
        command.addAll(args);
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new Node(name, builder.start(), 0, log);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            System.err.println("stopping the loopback cluster: " + e);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        for (Node instance : instances) {
            instance.process().destroy();
        }
        for (Node instance : instances) {
            if (!instance.process().waitFor(30, TimeUnit.SECONDS)) {
                instance.kill();
            }
        }
        for (Node broker : brokers) {
            broker.process().destroy();
        }
        for (Node broker : brokers) {
            if (!broker.process().waitFor(30, TimeUnit.SECONDS)) {
                broker.kill();
            }
        }
        if (identityProvider != null) {
            identityProvider.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
