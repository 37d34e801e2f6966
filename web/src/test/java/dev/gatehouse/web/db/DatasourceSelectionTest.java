package dev.gatehouse.web.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DatasourceSelectionTest {

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    p.setProperty("user.home", "/home/sec");
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void noUrlConfiguredStartsEmbeddedUnderTheHomeDirectory() {
    DatasourceSelection s = DatasourceSelection.decide(Map.of(), props());
    assertThat(s.embedded()).isTrue();
    assertThat(s.embeddedDataDir()).isEqualTo(Path.of("/home/sec/.gatehouse/postgres"));
  }

  @Test
  void urlFromEnvironmentUsesThatServer() {
    DatasourceSelection s = DatasourceSelection.decide(
        Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/gatehouse"), props());
    assertThat(s.embedded()).isFalse();
    assertThat(s.externalUrl()).contains("jdbc:postgresql://db:5432/gatehouse");
  }

  @Test
  void urlFromSystemPropertyUsesThatServer() {
    DatasourceSelection s = DatasourceSelection.decide(Map.of(),
        props("quarkus.datasource.jdbc.url", "jdbc:postgresql://other/gh"));
    assertThat(s.embedded()).isFalse();
  }

  @Test
  void blankUrlCountsAsUnset() {
    DatasourceSelection s = DatasourceSelection.decide(Map.of("QUARKUS_DATASOURCE_JDBC_URL", "  "), props());
    assertThat(s.embedded()).isTrue();
  }

  @Test
  void dataDirectoryIsConfigurable() {
    assertThat(DatasourceSelection.decide(Map.of("GATEHOUSE_DB_DIR", "/var/lib/gatehouse/pg"), props()).embeddedDataDir())
        .isEqualTo(Path.of("/var/lib/gatehouse/pg"));
    assertThat(DatasourceSelection.decide(Map.of("GATEHOUSE_DB_DIR", "/a"), props("gatehouse.db.dir", "/b")).embeddedDataDir())
        .isEqualTo(Path.of("/b"));
  }
}
