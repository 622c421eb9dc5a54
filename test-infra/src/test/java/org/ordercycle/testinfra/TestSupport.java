package org.ordercycle.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the tests. */
final class TestSupport {

    private TestSupport() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String queryOne(String jdbcUrl, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static void execute(String jdbcUrl, String user, String password, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** The first column of the first row, queried as the server's superuser. */
    static String queryAsSuperuser(Postgres postgres, String database, String sql) throws SQLException {
        try (Connection connection = postgres.connectAsSuperuser(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The SQLState of the failure {@code action} ends with (it must fail). */
    static String sqlStateOf(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            return e.getSQLState();
        }
        throw new AssertionError("expected an SQLException");
    }

    interface SqlAction {
        void run() throws SQLException;
    }

    /** The test classpath as a list of entries (surefire may hide it behind a manifest-only jar). */
    static List<String> testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ArrayList<>(List.of(classpath.split(java.io.File.pathSeparator)));
    }
}
