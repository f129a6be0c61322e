package dk.hotline.testing;

import dk.hotline.db.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Relays TCP to a test database until cut; a cut also ends the connections it carries. A service
 * pointed at {@link #url()} loses its database mid-run and gets it back, while the shared
 * PostgreSQL and other test classes on it carry on.
 */
public final class DatabaseRelay implements AutoCloseable {
    public enum Outage {
        /** The server is down: connections are refused at once. */
        REFUSED,
        /** The server, or the network to it, hangs: connections open but nothing answers. */
        UNANSWERED
    }

    private final String host;
    private final int targetPort;
    private final DatabaseUrl target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean answering = true;
    private int port;

    private DatabaseRelay(DatabaseUrl target) {
        this.target = target;
        String hostPort = target.jdbcUrl().replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
        this.host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        this.targetPort = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    public static DatabaseRelay open(DatabaseUrl target) throws IOException {
        var relay = new DatabaseRelay(target);
        relay.listen();
        return relay;
    }

    public DatabaseUrl url() {
        return new DatabaseUrl(target.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/"), target.user(),
                target.password());
    }

    public void cut(Outage outage) throws IOException {
        answering = false;
        if (outage == Outage.REFUSED) {
            server.close();
        }
        sockets.forEach(DatabaseRelay::closeQuietly);
        sockets.clear();
    }

    public void restore() throws IOException {
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
        sockets.forEach(DatabaseRelay::closeQuietly);
    }
}
