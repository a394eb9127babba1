package govkg;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts a throw-away Neo4j Community server for the test suite.
 *
 * <p>Bolt listens on 127.0.0.1 on a free port; the URI is the only line printed on stdout.
 * The server stops when stdin closes (the parent process went away) or on SIGTERM.
 * With env GOVKG_LAUNCHER_PASSWORD set, authentication is on and user neo4j has that password,
 * so that clients can be tested against refused credentials.
 * With env GOVKG_LAUNCHER_HOME set, the server runs over that existing Neo4j home instead (e.g. a
 * database written by neo4j-admin database import), without authentication, and leaves it in place.
 */
public final class Main {
    /** Bolt's two event-loop groups each wait out a quiet period on shutdown (5 s by default): a stop took
     *  10.4 s, of a server no client is using any more when it is stopped. */
    private static final int QUIET_SECONDS = 0;

    public static void main(String[] args) throws Exception {
        String home = System.getenv("GOVKG_LAUNCHER_HOME");
        if (home != null && !home.isEmpty()) {
            serveHome(Path.of(home));
            return;
        }
        Path work = Files.createTempDirectory("govkg-neo4j-");
        int port = freePort();
        String password = System.getenv("GOVKG_LAUNCHER_PASSWORD");
        boolean auth = password != null && !password.isEmpty();

        CountDownLatch stop = new CountDownLatch(1);
        AtomicReference<Neo4j> server = new AtomicReference<>();
        // one hook, in order: close the server (if it started), then remove the folder we made
        // (the harness removes only its own folder inside it)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            Neo4j started = server.get();
            if (started != null) {
                started.close();
            }
            deleteTree(work);
        }));

        Neo4j neo4j;
        try {
            neo4j = Neo4jBuilders.newInProcessBuilder(work)
                    .withDisabledServer()  // bolt only: the HTTP connector is not needed
                    .withConfig(BoltConnector.enabled, true)
                    .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .withConfig(GraphDatabaseSettings.auth_enabled, auth)
                    .withConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                    .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, QUIET_SECONDS)
                    .build();
            server.set(neo4j);
            if (auth) {
                neo4j.databaseManagementService().database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
                        java.util.Map.of("pw", password));
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("neo4j-launcher: " + root.getMessage());  // last: the caller shows the tail
            System.exit(1);  // runs the hook: the server's threads would otherwise keep the JVM alive
            return;
        }

        System.out.println(neo4j.boltURI());
        System.out.flush();

        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) { /* discard */ }
            } catch (IOException ignored) {
                // a broken stdin means the parent is gone: stop as well
            }
            stop.countDown();
        });
        watcher.setDaemon(true);
        watcher.start();
        stop.await();
        System.exit(0);  // runs the shutdown hook, which closes the server
    }

    /** Serve an existing home (its data folder as neo4j-admin left it) over Bolt until stdin closes. */
    private static void serveHome(Path home) throws Exception {
        int port = freePort();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, QUIET_SECONDS)
                .build();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            dbms.shutdown();
        }));
        dbms.database("neo4j");  // fails here, before the URI is printed, if the database cannot start
        System.out.println("bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) { /* discard */ }
            } catch (IOException ignored) {
                // a broken stdin means the parent is gone: stop as well
            }
            stop.countDown();
        });
        watcher.setDaemon(true);
        watcher.start();
        stop.await();
        System.exit(0);
    }

    /** Page cache size: env GOVKG_LAUNCHER_PAGECACHE_MB, default 512 MB (a 1M-row load must not thrash). */
    private static long pageCacheBytes() {
        String mb = System.getenv("GOVKG_LAUNCHER_PAGECACHE_MB");
        long size = (mb == null || mb.isBlank()) ? 512 : Long.parseLong(mb.trim());
        return size * 1024 * 1024;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is not worth failing a shutdown for
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
