package dev.gatehouse.web.notify;

/**
 * How one batch fared at one target: sent (a 2xx answer), or given up after {@code attempts}.
 *
 * @param status the last HTTP status, or 0 when no answer came
 */
record Delivery(Target.Kind kind, boolean delivered, int attempts, int status) {}
