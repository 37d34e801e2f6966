package dev.gatehouse.web;

import dev.gatehouse.web.db.DatasourceSelection;
import dev.gatehouse.web.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the embedded PostgreSQL when no datasource URL is configured, then the service. The
 * database stops only after Quarkus has stopped, so in-flight transactions finish first.
 */
@QuarkusMain
public final class Main {

  private static final Logger LOG = Logger.getLogger(Main.class);

  private Main() {}

  public static void main(String... args) {
    DatasourceSelection selection = DatasourceSelection.fromProcess();
    if (!selection.embedded()) {
      LOG.infof("Using the configured PostgreSQL server; no embedded database started");
      Quarkus.run(args);
      return;
    }
    LOG.infof("No datasource URL configured: starting the embedded PostgreSQL with data in %s", selection.embeddedDataDir());
    EmbeddedDatabase database = EmbeddedDatabase.start(selection.embeddedDataDir());
    LOG.infof("Embedded PostgreSQL listening on 127.0.0.1:%d, data in %s", database.port(), database.dataDir());
    System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
    System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
    System.setProperty("quarkus.datasource.password", "");

    CountDownLatch quarkusStopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        quarkusStopped.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      database.close();
    }, "embedded-postgres-stop"));
    try {
      Quarkus.run(args);
    } finally {
      quarkusStopped.countDown();
      database.close();
      LOG.infof("Embedded PostgreSQL stopped; data kept in %s", database.dataDir());
    }
  }
}
