package uk.frontdoor.infra.wakeup;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * This node's ear on PostgreSQL's {@code LISTEN}/{@code NOTIFY}: one connection of its own (outside the
 * pool, which must never lend a connection for ever), on one thread, waiting in pgjdbc's
 * {@code getNotifications(timeout)}. A notification is sent inside a writer's transaction and delivered
 * only when that commits, to every node listening, so whatever a listener then reads is already there.
 * <p>
 * Notifications are not queued for a listener that is not connected: after every (re)connection each
 * channel's {@link Channel#missedSome()} is called, so a listener can look for what it may have missed.
 */
public final class PostgresNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

    /** What a listener does with a channel's notifications. Called on the listening thread: be quick. */
    public interface Channel {

        void notified(String payload);

        /** Called after each (re)connection: notifications sent meanwhile were lost. */
        default void missedSome() {
        }
    }

    private final JdbcConnectionDetails database;
    private final Duration wait;
    private final Map<String, List<Channel>> channels = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    /**
     * @param wait how long one {@code getNotifications} call waits; also bounds how long stopping takes
     */
    public PostgresNotifications(JdbcConnectionDetails database, Duration wait) {
        this.database = database;
        this.wait = wait;
    }

    /** Registers before {@link #start()}; the channel name is an SQL identifier, so it is checked. */
    public void listen(String channel, Channel listener) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        if (running) {
            throw new IllegalStateException("channels are registered before the listener starts");
        }
        channels.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** True while the listening connection is up: what the node hears is then complete. */
    public boolean listening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        if (running || channels.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "pg-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread listener = thread;
        thread = null;
        if (listener != null) {
            try {
                listener.join(wait.toMillis() * 2 + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(connection);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early, so the database is listened to before the event processors start, and late to stop. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1_000;
    }

    private void run() {
        Duration backOff = Duration.ofMillis(100);
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                PGConnection postgres = listening.unwrap(PGConnection.class);
                try (Statement statement = listening.createStatement()) {
                    for (String channel : channels.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                this.listening = true;
                backOff = Duration.ofMillis(100);
                log.info("Listening to PostgreSQL notifications on {}", channels.keySet());
                channels.values().forEach(list -> list.forEach(PostgresNotifications::missedSome));
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) wait.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                this.listening = false;
                if (!running) {
                    return;
                }
                // The class only: a driver's message can quote the connection's settings.
                log.warn("PostgreSQL notifications interrupted ({}); reconnecting in {} ms; "
                        + "meanwhile events are found by polling", e.getClass().getName(), backOff.toMillis());
                pause(backOff);
                backOff = backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
            } finally {
                this.listening = false;
                connection = null;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.getUsername() != null) {
            properties.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            properties.setProperty("password", database.getPassword());
        }
        properties.setProperty("ApplicationName", "frontdoor-notifications");
        // A dead server or network must not hang the listener: the socket read times out and it reconnects.
        properties.setProperty("tcpKeepAlive", "true");
        Connection opened = DriverManager.getConnection(database.getJdbcUrl(), properties);
        opened.setAutoCommit(true);
        return opened;
    }

    private void dispatch(PGNotification notification) {
        List<Channel> listeners = channels.get(notification.getName());
        if (listeners == null) {
            return;
        }
        for (Channel listener : listeners) {
            try {
                listener.notified(notification.getParameter());
            } catch (RuntimeException e) {
                log.warn("A listener on {} failed: {}", notification.getName(), e.getClass().getName());
            }
        }
    }

    private static void missedSome(Channel listener) {
        try {
            listener.missedSome();
        } catch (RuntimeException e) {
            log.warn("A listener failed to catch up: {}", e.getClass().getName());
        }
    }

    private void pause(Duration backOff) {
        long until = System.nanoTime() + backOff.toNanos();
        // Waits in short steps so that stopping is not held up by a long back-off.
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, backOff.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection: nothing more to do.
            }
        }
    }
}
