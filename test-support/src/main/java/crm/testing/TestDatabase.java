package crm.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throwaway PostgreSQL database for one test JVM, dropped at exit, so tests never depend on
 * what an earlier run left behind. The server comes from {@code CRM_TEST_DB_URL} (default the
 * local cluster), reached as {@code CRM_TEST_DB_USER}/{@code CRM_TEST_DB_PASSWORD} (default
 * {@code crm}/{@code crm}, a role with CREATEDB that {@code bin/crm} creates).
 */
public final class TestDatabase {
    private static TestDatabase shared;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    public static synchronized TestDatabase shared() {
        if (shared == null) {
            String url = env("CRM_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            String user = env("CRM_TEST_DB_USER", "crm");
            String password = env("CRM_TEST_DB_PASSWORD", "crm");
            String name = "crm_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                    + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
            TestDatabase db = new TestDatabase(url, user, password, name);
            db.execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(db::drop, "test-database-drop"));
            shared = db;
        }
        return shared;
    }

    /** The JDBC URL of the throwaway database. */
    public String jdbcUrl() {
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " as " + user + " failed on '" + sql
                    + "': " + e.getMessage() + ". Run the tests with bin/crm test, which starts PostgreSQL and"
                    + " creates the role, or set CRM_TEST_DB_URL, CRM_TEST_DB_USER and CRM_TEST_DB_PASSWORD.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
