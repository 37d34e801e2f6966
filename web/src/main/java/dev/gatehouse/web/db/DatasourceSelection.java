package dev.gatehouse.web.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides, before Quarkus starts, whether to start the embedded PostgreSQL: only when no
 * datasource URL is configured, so a configured server is never shadowed by a local one.
 */
public record DatasourceSelection(Optional<String> externalUrl, Path embeddedDataDir) {

  static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
  static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
  static final String DIR_ENV = "GATEHOUSE_DB_DIR";
  static final String DIR_PROPERTY = "gatehouse.db.dir";

  public boolean embedded() {
    return externalUrl.isEmpty();
  }

  public static DatasourceSelection fromProcess() {
    return decide(System.getenv(), System.getProperties());
  }

  static DatasourceSelection decide(Map<String, String> env, Properties system) {
    Optional<String> url = nonBlank(system.getProperty(URL_PROPERTY)).or(() -> nonBlank(env.get(URL_ENV)));
    Path dir = nonBlank(system.getProperty(DIR_PROPERTY))
        .or(() -> nonBlank(env.get(DIR_ENV)))
        .map(Path::of)
        .orElseGet(() -> Path.of(system.getProperty("user.home", "."), ".gatehouse", "postgres"));
    return new DatasourceSelection(url, dir.toAbsolutePath().normalize());
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
