package uk.frontdoor.infra.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A kept data directory ({@code frontdoor.embedded.postgres-data-directory}) belongs to one running
 * service at a time. The embedded PostgreSQL runs as a daemon of its own, so when the service is
 * killed ({@code kill -9}, a power cut of the JVM alone) its PostgreSQL runs on, holding the directory:
 * the next start's PostgreSQL then fails on {@code postmaster.pid}, and the service would carry on
 * against the orphan by luck.
 *
 * <p>So the service holds an operating-system lock on a file beside the directory for as long as it
 * runs; the operating system releases it when the process dies, however it dies. Holding the lock, a
 * start knows that a PostgreSQL still running on the directory is an orphan of an earlier start, and
 * stops it (a normal shutdown: its clients died with their JVM) before starting its own. If another
 * running service holds the lock, the start is refused with a message saying so.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** For a fresh database each start: nothing to lock. */
    static DataDirectoryLock none() {
        return new DataDirectoryLock(null, null);
    }

    static DataDirectoryLock acquire(Path dataDirectory, Duration orphanStopTimeout) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(directory.getParent());
        Path lockFile = lockFileOf(directory);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The embedded PostgreSQL data directory " + directory
                    + " is in use by another running front door (it holds " + lockFile + "). Stop that one first, "
                    + "or give this one another frontdoor.embedded.postgres-data-directory.");
        }
        DataDirectoryLock held = new DataDirectoryLock(channel, lock);
        try {
            stopOrphan(directory, orphanStopTimeout);
        } catch (RuntimeException | IOException e) {
            held.close();
            throw e;
        }
        return held;
    }

    static Path lockFileOf(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return directory.resolveSibling(directory.getFileName() + ".lock");
    }

    private static void stopOrphan(Path directory, Duration timeout) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<Long> pid = postmasterPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> running = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (running.isEmpty()) {
            return; // PostgreSQL itself clears a lock file whose process is gone
        }
        ProcessHandle process = running.get();
        if (!isPostgres(process)) {
            // The number was reused by an unrelated process, which PostgreSQL would take for a live server.
            log.warn("Removing a stale postmaster.pid: process {} is not PostgreSQL", pid.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("An embedded PostgreSQL (process {}) was left running by an earlier start that did not stop; "
                + "stopping it before starting this one", pid.get());
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The embedded PostgreSQL left running by an earlier start (process "
                    + pid.get() + ") did not stop within " + timeout + "; stop it, then start again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the earlier embedded PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for the earlier embedded PostgreSQL to stop", e);
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postmaster"))
                .orElse(false);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            lock.release();
            channel.close();
        }
    }
}
