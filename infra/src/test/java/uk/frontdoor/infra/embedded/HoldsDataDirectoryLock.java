package uk.frontdoor.infra.embedded;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Another running service, as far as a data directory's lock can tell: holds it until its input closes. */
public final class HoldsDataDirectoryLock {

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(DataDirectoryLock.lockFileOf(Path.of(args[0])),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the lock until the test closes our input
            }
        }
    }
}
