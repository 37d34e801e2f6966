package dev.gatehouse.scanner.model;

/** A job {@code container:} or one of its {@code services:}; credentials as written, if any. */
public record Container(String name, Scalar image, Scalar username, Scalar password, Pos pos, String path) {}
