package dev.gatehouse.scanner.model;

/** How firmly a {@code uses:} reference names one version of its code. */
public enum PinKind {
  /** A full 40-hex commit SHA: immutable. */
  FULL_SHA,
  /** A version-like ref (v4, v4.1.2, 1.0): a tag, movable by the action's owner. */
  TAG,
  /** Any other ref (main, master, a short SHA): a branch or something as mutable. */
  BRANCH,
  /** No ref at all. */
  NONE,
  /** {@code ./path}: code from the repository itself. */
  LOCAL,
  /** {@code docker://image@sha256:...}. */
  DOCKER_DIGEST,
  /** {@code docker://image[:tag]} without a digest. */
  DOCKER_TAG
}
