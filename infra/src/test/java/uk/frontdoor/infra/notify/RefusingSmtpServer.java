package uk.frontdoor.infra.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server on loopback that takes no email: GreenMail accepts every recipient, so a server that refuses is
 * written here, speaking the protocol to the service's own Jakarta Mail client over a socket. A recipient in
 * {@code unknown} is refused permanently ({@code 550 5.1.1}, as a server that has no such mailbox); every other one
 * is refused for now ({@code 451 4.3.0}, as a greylisting or overloaded server), so that other tests' emails caught
 * by it are only delayed.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private static final Pattern RECIPIENT = Pattern.compile("RCPT TO:\\s*<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    private final ServerSocket socket;
    private final Set<String> unknown;
    private final ExecutorService connections = Executors.newCachedThreadPool();

    RefusingSmtpServer(Set<String> unknown) throws IOException {
        this.unknown = unknown;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.submit(() -> converse(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection;
             BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                     StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 refusing.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 refusing.test");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "RCPT" -> {
                        Matcher recipient = RECIPIENT.matcher(line);
                        reply(out, recipient.matches() && unknown.contains(recipient.group(1))
                                ? "550 5.1.1 Recipient address rejected: user unknown"
                                : "451 4.3.0 Try again later");
                    }
                    case "DATA" -> reply(out, "554 5.5.1 No valid recipients");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognised");
                }
            }
        } catch (IOException gone) {
            // The client hung up: nothing more to say.
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
