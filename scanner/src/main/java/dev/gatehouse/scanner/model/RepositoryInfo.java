package dev.gatehouse.scanner.model;

import java.time.Instant;

/**
 * A repository as GitHub listed it. Every string here is attacker-controlled: the names and
 * branch come from whoever administers the repository.
 */
public record RepositoryInfo(
    long id,
    String nodeId,
    String name,
    String fullName,
    String visibility,
    boolean fork,
    boolean archived,
    String defaultBranch,
    Instant pushedAt,
    String htmlUrl) {}
