package dev.gatehouse.web.testing;

import dev.gatehouse.web.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests: the server named by {@code TEST_DB_URL} (with
 * {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD}), or a fresh embedded one in a temporary
 * directory that is deleted afterwards.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private EmbeddedDatabase database;
  private Path dir;

  @Override
  public Map<String, String> start() {
    String external = System.getenv("TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      return Map.of(
          "quarkus.datasource.jdbc.url", external,
          "quarkus.datasource.username", System.getenv().getOrDefault("TEST_DB_USER", "postgres"),
          "quarkus.datasource.password", System.getenv().getOrDefault("TEST_DB_PASSWORD", ""));
    }
    try {
      dir = Files.createTempDirectory("gatehouse-test-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    database = EmbeddedDatabase.start(dir.resolve("data"));
    return datasource(database);
  }

  /** The datasource settings pointing the app at an embedded server. */
  static Map<String, String> datasource(EmbeddedDatabase database) {
    return Map.of(
        "quarkus.datasource.jdbc.url", database.jdbcUrl(),
        "quarkus.datasource.username", EmbeddedDatabase.USER,
        "quarkus.datasource.password", "");
  }

  @Override
  public void stop() {
    if (database != null) {
      database.close();
      deleteRecursively(dir);
    }
  }

  static void deleteRecursively(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
