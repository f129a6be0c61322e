package dk.hotline.db;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pool against a database that goes away and comes back, as an external {@code DATABASE_URL}
 * does when its server restarts: the database sits behind a TCP relay this test closes and reopens.
 */
class DatabasePoolTest {
    private final DatabaseUrl db = TestDatabases.create();
    private Relay relay;

    @AfterEach
    void drop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        TestDatabases.drop(db);
    }

    @Test
    void aRequestWaitingOnThePoolHearsWithinTwoSecondsThatTheDatabaseIsGoneAndThePoolReconnectsByItself() throws Exception {
        relay = Relay.open(db);
        try (var pool = Database.pool(relay.url(), 2)) {
            assertThat(up(pool)).isTrue();

            for (var outage : List.of(Outage.REFUSED, Outage.UNANSWERED)) {
                relay.cut(outage);
                // The first asks meet the connections the cut ended, which fail at once; what
                // matters is each later ask, once only new connections could answer.
                up(pool);
                up(pool);
                long started = System.nanoTime();
                boolean upDuringOutage = up(pool);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(upDuringOutage).as(outage.name()).isFalse();
                assertThat(took).as("how long /health's question to the pool waits, " + outage)
                        .isLessThan(Duration.ofMillis(2_500));

                relay.restore();
                Await.until("the pool connects again by itself after " + outage, Duration.ofSeconds(30), () -> up(pool));
            }
        }
    }

    private enum Outage {
        /** The server is down: connections are refused at once. */
        REFUSED,
        /** The server, or the network to it, hangs: connections open but nothing answers. */
        UNANSWERED
    }

    /** What /health asks. */
    private static boolean up(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    /** Relays TCP to the database until cut; a cut also ends the connections it carries. */
    private static final class Relay implements AutoCloseable {
        private final String host;
        private final int targetPort;
        private final DatabaseUrl target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile ServerSocket server;
        private volatile boolean answering = true;
        private int port;

        private Relay(DatabaseUrl target) {
            this.target = target;
            String hostPort = target.jdbcUrl().replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
            this.host = hostPort.substring(0, hostPort.lastIndexOf(':'));
            this.targetPort = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        }

        static Relay open(DatabaseUrl target) throws IOException {
            var relay = new Relay(target);
            relay.listen();
            return relay;
        }

        DatabaseUrl url() {
            return new DatabaseUrl(target.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/"), target.user(),
                    target.password());
        }

        void cut(Outage outage) throws IOException {
            answering = false;
            if (outage == Outage.REFUSED) {
                server.close();
            }
            sockets.forEach(Relay::closeQuietly);
            sockets.clear();
        }

        void restore() throws IOException {
            answering = true;
            if (server.isClosed()) {
                listen();
            }
        }

        private void listen() throws IOException {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = socket.getLocalPort();
            server = socket;
            daemon(() -> accept(socket));
        }

        private void accept(ServerSocket socket) {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    sockets.add(client);
                    if (answering) {
                        Socket upstream = new Socket(host, targetPort);
                        sockets.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            daemon(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // one side closed: the other follows below
                }
                closeQuietly(from);
                closeQuietly(to);
            });
        }

        private static void daemon(Runnable work) {
            var thread = new Thread(work, "relay");
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            sockets.forEach(Relay::closeQuietly);
        }
    }
}
