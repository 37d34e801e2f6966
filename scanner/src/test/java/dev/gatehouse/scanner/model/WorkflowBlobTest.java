package dev.gatehouse.scanner.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkflowBlobTest {

  @Test
  void aReadFileOrOneWhoseProblemIsItsOwnIsSettled() {
    assertThat(new WorkflowBlob("a.yml", "s1", "on: push", null).settled()).isTrue();
    assertThat(new WorkflowBlob("a.yml", "s1", null, WorkflowBlob.BINARY).settled()).isTrue();
    assertThat(new WorkflowBlob("a.yml", "s1", null, WorkflowBlob.TOO_LARGE).settled()).isTrue();
  }

  @Test
  void aFailedReadOrMissingStoredContentIsNot() {
    assertThat(new WorkflowBlob("a.yml", "s1", null, "could not read the full file: 502 Bad Gateway").settled()).isFalse();
    assertThat(new WorkflowBlob("(local actions)", null, null, "could not read local actions: timeout").settled()).isFalse();
    assertThat(new WorkflowBlob("a.yml", "s1", null, "stored content missing").settled()).isFalse();
    assertThat(new WorkflowBlob("a.yml", "s1", null, "truncated").settled()).isFalse();
  }
}
