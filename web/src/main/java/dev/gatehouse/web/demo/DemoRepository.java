package dev.gatehouse.web.demo;

/** A repository of a served organization, as the demo server (or a test mock) describes it. */
public record DemoRepository(
    long id, String owner, String name, String visibility, boolean fork, boolean archived,
    String defaultBranch, String pushedAt) {}
