package dev.gatehouse.web.finding;

/** How many findings of one severity match the other filters, and the page query that selects them. */
public record SeverityCount(String severity, long count, String query, boolean selected) {}
