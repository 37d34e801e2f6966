package dev.gatehouse.web.finding;

import java.util.List;

/** A finding with its whole history, oldest change first. */
public record FindingDetail(FindingView finding, List<FindingEventView> events) {}
