package dev.gatehouse.scanner.collect;

/** Attached to each request: which scan pays for it, and which organization's credentials to use. */
record CallTag(ScanMeter meter, String org) {}
