package dev.gatehouse.web.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @TempDir
  Path dir;

  @Test
  void dataSurvivesAStopAndStart() throws Exception {
    Path data = dir.resolve("pg");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
        Statement s = c.createStatement()) {
      s.execute("create table kept (name text)");
      s.execute("insert into kept values ('still here')");
    }
    assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
    assertThat(Files.readString(data.resolve("PG_VERSION")).trim()).isEqualTo("18");

    try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select name from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still here");
    }
  }

  @Test
  void closeStopsTheServer() throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg2"));
    String url = db.jdbcUrl();
    db.close();
    db.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.USER, "").close())
        .isInstanceOf(java.sql.SQLException.class);
  }
}
