package dev.gatehouse.scanner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.model.Action;
import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Permissions;
import dev.gatehouse.scanner.model.PinKind;
import dev.gatehouse.scanner.model.Pos;
import dev.gatehouse.scanner.model.SourceFile;
import dev.gatehouse.scanner.model.Step;
import dev.gatehouse.scanner.model.Uses;
import dev.gatehouse.scanner.model.Workflow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowParserTest {

  private static final String WORKFLOW = """
      name: CI
      on:
        pull_request_target:
          types: [opened, synchronize]
          branches: [main]
        push:
      permissions:
        contents: read
        pull-requests: write
      env:
        GLOBAL: "1"
      concurrency:
        group: ci-${{ github.ref }}
      jobs:
        build:
          name: Build
          runs-on: [self-hosted, linux, gpu]
          permissions: write-all
          environment:
            name: production
          container:
            image: node:20
            credentials:
              username: bot
              password: hunter2
          services:
            db:
              image: postgres@sha256:0123
          steps:
            - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
              with:
                ref: ${{ github.event.pull_request.head.sha }}
            - id: run
              name: Run
              if: github.actor != 'x'
              run: |
                make
              shell: bash
              env:
                X: y
        matrix:
          needs: [build]
          runs-on: ${{ matrix.os }}
          strategy:
            matrix:
              os: [ubuntu-latest, gpu-runner]
              include:
                - os: windows-latest
          steps:
            - uses: docker://alpine:3.20
        call:
          uses: octo/reusable/.github/workflows/r.yml@v1
          secrets: inherit
          with:
            x: 1
        group:
          runs-on:
            group: big-runners
            labels: [linux]
          steps:
            - uses: ./.github/actions/local
            - uses: octo/tool/sub/path@main
      """;

  private static Workflow parse(String text) {
    ParseResult r = new WorkflowParser().parse(new SourceFile(".github/workflows/ci.yml", text.getBytes(StandardCharsets.UTF_8)));
    assertThat(r).isInstanceOf(ParseResult.Parsed.class);
    return (Workflow) ((ParseResult.Parsed) r).file();
  }

  @Test
  void readsTriggersPermissionsAndEnv() {
    Workflow w = parse(WORKFLOW);
    assertThat(w.name()).isEqualTo("CI");
    assertThat(w.events()).containsExactlyInAnyOrder("pull_request_target", "push");
    assertThat(w.trigger("pull_request_target").orElseThrow().types()).containsExactly("opened", "synchronize");
    assertThat(w.trigger("pull_request_target").orElseThrow().filters()).containsEntry("branches", List.of("main"));
    assertThat(w.trigger("pull_request_target").orElseThrow().pos()).isEqualTo(new Pos(3, 3));
    assertThat(w.permissions().kind()).isEqualTo(Permissions.Kind.SCOPED);
    assertThat(w.permissions().level("pull-requests")).isEqualTo("write");
    assertThat(w.permissions().level("issues")).isEqualTo("none");
    assertThat(w.env().get("GLOBAL").value()).isEqualTo("1");
    assertThat(w.concurrency().value()).isEqualTo("ci-${{ github.ref }}");
  }

  @Test
  void readsJobsWithPositions() {
    Workflow w = parse(WORKFLOW);
    Job build = w.job("build").orElseThrow();
    assertThat(build.pos().line()).isEqualTo(16);
    assertThat(build.runsOn().labels()).containsExactly("self-hosted", "linux", "gpu");
    assertThat(build.permissions().kind()).isEqualTo(Permissions.Kind.WRITE_ALL);
    assertThat(build.environment().value()).isEqualTo("production");
    assertThat(build.container().image().value()).isEqualTo("node:20");
    assertThat(build.container().password().value()).isEqualTo("hunter2");
    assertThat(build.services()).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("jobs.build.services.db"));
    Step checkout = build.steps().get(0);
    assertThat(checkout.path()).isEqualTo("jobs.build.steps[0]");
    assertThat(checkout.uses().pin()).isEqualTo(PinKind.FULL_SHA);
    assertThat(checkout.with("ref").pos().line()).isEqualTo(32);
    Step run = build.steps().get(1);
    assertThat(run.id()).isEqualTo("run");
    assertThat(run.run().block()).isTrue();
    assertThat(run.shell()).isEqualTo("bash");
    assertThat(run.condition().value()).isEqualTo("github.actor != 'x'");
    assertThat(run.env()).containsKey("X");
  }

  @Test
  void readsMatrixRunsOnReusableWorkflowsAndGroups() {
    Workflow w = parse(WORKFLOW);
    Job matrix = w.job("matrix").orElseThrow();
    assertThat(matrix.needs()).containsExactly("build");
    assertThat(matrix.runsOn().dynamic()).isTrue();
    assertThat(matrix.runsOn().candidates()).containsExactly("ubuntu-latest", "gpu-runner", "windows-latest");
    assertThat(matrix.steps().get(0).uses().pin()).isEqualTo(PinKind.DOCKER_TAG);
    Job call = w.job("call").orElseThrow();
    assertThat(call.callsReusableWorkflow()).isTrue();
    assertThat(call.uses().reusableWorkflow()).isTrue();
    assertThat(call.secretsInherit()).isTrue();
    assertThat(call.with()).containsKey("x");
    Job group = w.job("group").orElseThrow();
    assertThat(group.runsOn().group()).isEqualTo("big-runners");
    assertThat(group.runsOn().labels()).containsExactly("linux");
    assertThat(group.steps().get(0).uses().pin()).isEqualTo(PinKind.LOCAL);
    Uses sub = group.steps().get(1).uses();
    assertThat(sub.owner()).isEqualTo("octo");
    assertThat(sub.repo()).isEqualTo("tool");
    assertThat(sub.path()).isEqualTo("sub/path");
    assertThat(sub.ref()).isEqualTo("main");
    assertThat(sub.pin()).isEqualTo(PinKind.BRANCH);
  }

  @Test
  void classifiesPinKinds() {
    assertThat(Uses.parse("actions/checkout@v4", Pos.START).pin()).isEqualTo(PinKind.TAG);
    assertThat(Uses.parse("actions/checkout@v4.2.1", Pos.START).pin()).isEqualTo(PinKind.TAG);
    assertThat(Uses.parse("actions/checkout@1.0.0-beta.1", Pos.START).pin()).isEqualTo(PinKind.TAG);
    assertThat(Uses.parse("actions/checkout@main", Pos.START).pin()).isEqualTo(PinKind.BRANCH);
    assertThat(Uses.parse("actions/checkout@11bd719", Pos.START).pin()).isEqualTo(PinKind.BRANCH);
    assertThat(Uses.parse("actions/checkout", Pos.START).pin()).isEqualTo(PinKind.NONE);
    assertThat(Uses.parse("docker://alpine@sha256:abc", Pos.START).pin()).isEqualTo(PinKind.DOCKER_DIGEST);
    assertThat(Uses.parse("Actions/Checkout@v4", Pos.START).is("actions/checkout")).isTrue();
  }

  @Test
  void readsShorthandTriggersAndPermissions() {
    Workflow list = parse("on: [push, pull_request]\npermissions: read-all\njobs: {}\n");
    assertThat(list.events()).containsExactlyInAnyOrder("push", "pull_request");
    assertThat(list.permissions().kind()).isEqualTo(Permissions.Kind.READ_ALL);
    Workflow single = parse("on: issue_comment\npermissions: {}\njobs: {}\n");
    assertThat(single.events()).containsExactly("issue_comment");
    assertThat(single.permissions().anyWrite()).isFalse();
    assertThat(single.permissions().level("contents")).isEqualTo("none");
  }

  @Test
  void readsCompositeActions() {
    String text = """
        name: Setup
        inputs:
          version:
            default: "1.0"
        runs:
          using: composite
          steps:
            - run: echo ${{ inputs.version }}
              shell: bash
        """;
    ParseResult r = new WorkflowParser().parse(new SourceFile("tools/setup/action.yml", text.getBytes(StandardCharsets.UTF_8)));
    Action action = (Action) ((ParseResult.Parsed) r).file();
    assertThat(action.composite()).isTrue();
    assertThat(action.inputs()).containsKey("version");
    assertThat(action.inputs().get("version").value()).isEqualTo("1.0");
    assertThat(action.steps()).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("runs.steps[0]"));
  }

  @Test
  void expressionsYieldTheContextsTheyRead() {
    assertThat(Expressions.find("a ${{ github.event.issue.title }} b ${{x}}")).hasSize(2);
    assertThat(Expressions.contexts("github.event['pull_request'].title")).containsExactly("github.event.pull_request.title");
    assertThat(Expressions.contexts("toJSON(secrets)")).containsExactly("secrets");
    assertThat(Expressions.contexts("secrets[format('{0}_TOKEN', matrix.name)]")).contains("secrets.*", "matrix.name");
    assertThat(Expressions.contexts("contains(github.event.pull_request.labels.*.name, 'ok') && 1 == 2"))
        .containsExactly("github.event.pull_request.labels.*.name");
    assertThat(Expressions.contexts("'github.event.issue.title' == env.X")).containsExactly("env.x");
  }
}
