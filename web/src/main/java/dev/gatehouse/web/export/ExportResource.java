package dev.gatehouse.web.export;

import dev.gatehouse.web.scan.ScanEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

@Path("/api/v1/exports")
public class ExportResource {

  private final FindingExport export;

  ExportResource(FindingExport export) {
    this.export = export;
  }

  /**
   * Findings of an organization as CSV, JSON or SARIF, now, as of an instant ({@code asOf},
   * ISO-8601), or as of the close of a scan ({@code scan}). SARIF has one run per repository, or one
   * for the organization with {@code runs=organization}. Streamed.
   */
  @GET
  @Path("/findings")
  public Response findings(@QueryParam("organization") String org, @QueryParam("format") String format,
      @QueryParam("asOf") String asOf, @QueryParam("scan") Long scan, @QueryParam("runs") String runs) {
    if (org == null || org.isBlank()) {
      throw new BadRequestException("name the organization: ?organization=LOGIN");
    }
    FindingExport.Format f;
    try {
      f = FindingExport.Format.valueOf((format == null ? "json" : format).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("format must be csv, json or sarif");
    }
    Instant at = at(asOf, scan);
    String type = switch (f) {
      case CSV -> "text/csv; charset=utf-8";
      case JSON -> "application/json";
      case SARIF -> "application/sarif+json";
    };
    String name = "gatehouse-" + org.replaceAll("[^A-Za-z0-9-]", "") + "-findings" + (at == null ? "" : "-asof") + "."
        + (f == FindingExport.Format.SARIF ? "sarif" : f.name().toLowerCase(Locale.ROOT));
    boolean perRepository = !"organization".equalsIgnoreCase(runs);
    StreamingOutput body = out -> QuarkusTransaction.requiringNew().run(() -> export.write(org, at, f, out, perRepository));
    return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
  }

  private static Instant at(String asOf, Long scan) {
    if (scan != null) {
      return QuarkusTransaction.requiringNew().call(() -> ScanEntity.<ScanEntity>findByIdOptional(scan)
          .map(s -> s.closedAt != null ? s.closedAt : s.finishedAt)
          .orElseThrow(() -> new NotFoundException("no finished scan " + scan)));
    }
    if (asOf == null || asOf.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(asOf).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusNanos(1);
      } catch (DateTimeParseException e2) {
        throw new BadRequestException("asOf must be an ISO-8601 instant or date (2026-11-20T00:00:00Z or 2026-11-20)");
      }
    }
  }
}
