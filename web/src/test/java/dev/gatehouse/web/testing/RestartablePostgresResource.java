package dev.gatehouse.web.testing;

import dev.gatehouse.web.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded PostgreSQL of its own (never {@code TEST_DB_URL}: tests using it stop the server)
 * that {@link #restart()} stops and starts again on the same port and data directory, as a
 * database restart under a running service.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedDatabase database;
  private static Path dir;

  @Override
  public Map<String, String> start() {
    try {
      dir = Files.createTempDirectory("gatehouse-test-pg-restart");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    database = EmbeddedDatabase.start(dir.resolve("data"));
    return PostgresTestResource.datasource(database);
  }

  /** Stops the server (fast shutdown: every connection is cut) and starts it again where it was. */
  public static synchronized void restart() {
    int port = database.port();
    database.close();
    database = EmbeddedDatabase.start(dir.resolve("data"), port);
  }

  @Override
  public void stop() {
    if (database != null) {
      database.close();
      PostgresTestResource.deleteRecursively(dir);
    }
  }
}
