package dev.gatehouse.web.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real PostgreSQL server run from the bundled binaries, with its data kept in a directory
 * that survives restarts. It listens on loopback only and trusts local connections.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "gatehouse";
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /** Starts the server on a free port; initialises the directory only when it holds no cluster yet. */
  public static EmbeddedDatabase start(Path dataDir) {
    return start(dataDir, 0);
  }

  /** As {@link #start(Path)}, on {@code port} (0: a free one), e.g. to restart a server where its clients expect it. */
  public static EmbeddedDatabase start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "100")
          .start();
      EmbeddedDatabase db = new EmbeddedDatabase(postgres, dataDir);
      db.createDatabaseIfMissing();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private void createDatabaseIfMissing() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("create database " + DATABASE);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + DATABASE + " in the embedded PostgreSQL", e);
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, DATABASE);
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the server with a fast shutdown (checkpoint, then exit); safe to call twice. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot stop the embedded PostgreSQL cleanly", e);
      }
    }
  }
}
