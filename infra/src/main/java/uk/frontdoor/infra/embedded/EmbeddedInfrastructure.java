package uk.frontdoor.infra.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The embedded default: a real PostgreSQL (binaries from Maven Central, run in a child process),
 * a real single-node KRaft Kafka broker and a real SMTP server (GreenMail) in this JVM, so a newcomer needs
 * nothing but a JDK. The rest
 * of the application finds them through Spring Boot's connection-details beans, exactly as it finds
 * external servers in production.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
// spring.mail.* is bound by Spring Boot only when it builds the sender (spring.mail.host set); the embedded one is ours.
@EnableConfigurationProperties(MailProperties.class)
class EmbeddedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /** Held while the service runs, and released after its PostgreSQL has stopped (it depends on this). */
    @Bean(destroyMethod = "close")
    DataDirectoryLock embeddedPostgresDataDirectoryLock(EmbeddedProperties properties) throws IOException {
        return properties.postgresDataDirectory().isBlank() ? DataDirectoryLock.none()
                : DataDirectoryLock.acquire(Path.of(properties.postgresDataDirectory()), Duration.ofSeconds(60));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${frontdoor.embedded.postgres-url:}'.isEmpty()")
    EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties, DataDirectoryLock dataDirectoryLock)
            throws IOException {
        // Stopped by this bean's close, after everything that uses the database has stopped: its own JVM
        // shutdown hook would stop it at the same time as the application, under the running projections.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        if (properties.postgresPort() > 0) {
            builder.setPort(properties.postgresPort());
        }
        if (!properties.postgresDataDirectory().isBlank()) {
            builder.setDataDirectory(Path.of(properties.postgresDataDirectory())).setCleanDataDirectory(false);
        }
        properties.postgresSettings().forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
        return postgres;
    }

    @Bean
    JdbcConnectionDetails jdbcConnectionDetails(EmbeddedProperties properties, ObjectProvider<EmbeddedPostgres> postgres) {
        String url = properties.postgresUrl().isBlank() ? postgres.getObject().getJdbcUrl("postgres", "postgres")
                : properties.postgresUrl();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    @Bean(destroyMethod = "destroy")
    EmbeddedKafkaKraftBroker embeddedKafka(EmbeddedProperties properties) {
        EmbeddedKafkaKraftBroker broker = startKafka(properties.kafkaPort());
        log.info("Embedded Kafka broker listening on {}", broker.getBrokersAsString());
        return broker;
    }

    /**
     * One combined broker and controller listening on {@code localhost:port} (0: a free port). In KRaft mode
     * {@code kafkaPorts(...)} is ignored: Kafka's test kit binds every listener to port 0 unless
     * {@code listeners} is given, so the client listener (the kit's {@code EXTERNAL}) is named here with the
     * port, and the controller's keeps a free one.
     */
    static EmbeddedKafkaKraftBroker startKafka(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("frontdoor.embedded.kafka-port must be 0 to 65535, not " + port);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        return broker;
    }

    /** A real SMTP server in this JVM, with IMAP to read what it received: the service's emails go here. */
    @Bean(destroyMethod = "stop")
    GreenMail embeddedMail(EmbeddedProperties properties) {
        GreenMail mail = new GreenMail(new ServerSetup[]{
                setup(properties.smtpPort(), ServerSetup.PROTOCOL_SMTP),
                setup(properties.imapPort(), ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        log.info("Embedded mail server: SMTP on port {}, IMAP on port {}", mail.getSmtp().getPort(),
                mail.getImap().getPort());
        return mail;
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "localhost", protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    /**
     * Sends to the in-process server, as Spring Boot's own sender would to {@code spring.mail.host}, with the
     * timeouts of {@code spring.mail.properties}.
     */
    @Bean
    JavaMailSender mailSender(GreenMail mail, MailProperties settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(mail.getSmtp().getPort());
        sender.getJavaMailProperties().putAll(settings.getProperties());
        return sender;
    }

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails(EmbeddedKafkaKraftBroker broker) {
        List<String> servers = List.of(broker.getBrokersAsString().split(","));
        return () -> servers;
    }
}
