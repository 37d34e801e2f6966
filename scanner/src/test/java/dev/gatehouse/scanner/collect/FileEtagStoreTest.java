package dev.gatehouse.scanner.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEtagStoreTest {

  @TempDir
  Path dir;

  @Test
  void entriesSurviveANewStoreOnTheSameDirectory() throws Exception {
    new FileEtagStore(dir).put("https://api.github.com/orgs/acme/actions/permissions",
        new EtagStore.Entry("\"abc\"", "{\"allowed_actions\":\"all\"}".getBytes(StandardCharsets.UTF_8)));
    FileEtagStore reopened = new FileEtagStore(dir);
    EtagStore.Entry entry = reopened.get("https://api.github.com/orgs/acme/actions/permissions").orElseThrow();
    assertThat(entry.etag()).isEqualTo("\"abc\"");
    assertThat(new String(entry.body(), StandardCharsets.UTF_8)).contains("allowed_actions");
    assertThat(reopened.get("https://api.github.com/orgs/other")).isEmpty();
  }

  @Test
  void aCorruptFileIsAMissNotAnError() throws Exception {
    FileEtagStore store = new FileEtagStore(dir);
    store.put("https://x/y", new EtagStore.Entry("\"1\"", new byte[] {1, 2, 3}));
    try (Stream<Path> files = Files.list(dir)) {
      Path file = files.findFirst().orElseThrow();
      Files.write(file, new byte[] {0, 5, 'h'});
    }
    assertThat(store.get("https://x/y")).isEmpty();
  }
}
