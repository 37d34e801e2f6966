package dev.gatehouse.web.overview;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Open findings by severity per scan as stacked bars, laid out on the server so the page needs
 * no script: the template only draws the rectangles computed here.
 */
public record TrendChart(int width, int height, int max, List<Bar> bars, String firstLabel, String lastLabel) {

  public static final String[] SEVERITIES = {"critical", "high", "medium", "low"};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  static final int WIDTH = 720;
  static final int HEIGHT = 180;
  static final int LEFT = 40;
  static final int BOTTOM = 20;

  /** One scan's counts, oldest first. */
  public record Point(long scanId, Instant at, int critical, int high, int medium, int low) {
    int total() {
      return critical + high + medium + low;
    }

    int count(String severity) {
      return switch (severity) {
        case "critical" -> critical;
        case "high" -> high;
        case "medium" -> medium;
        default -> low;
      };
    }
  }

  public record Segment(String severity, int x, int y, int w, int h) {}

  public record Bar(long scanId, String title, List<Segment> segments) {}

  public boolean empty() {
    return bars.isEmpty();
  }

  public int plotBottom() {
    return HEIGHT - BOTTOM;
  }

  public int plotLeft() {
    return LEFT;
  }

  public static TrendChart of(List<Point> points) {
    int max = Math.max(1, points.stream().mapToInt(Point::total).max().orElse(1));
    int plot = HEIGHT - BOTTOM - 10;
    int slot = points.isEmpty() ? 0 : (WIDTH - LEFT - 10) / Math.max(points.size(), 1);
    int barWidth = Math.max(2, Math.min(40, slot - 4));
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      int x = LEFT + i * slot + (slot - barWidth) / 2;
      int y = HEIGHT - BOTTOM;
      List<Segment> segments = new ArrayList<>();
      for (int s = SEVERITIES.length - 1; s >= 0; s--) {
        int h = (int) Math.round((double) p.count(SEVERITIES[s]) * plot / max);
        if (h > 0) {
          y -= h;
          segments.add(new Segment(SEVERITIES[s], x, y, barWidth, h));
        }
      }
      bars.add(new Bar(p.scanId(), "Scan " + p.scanId() + ", " + DAY.format(p.at()) + ": " + p.critical() + " critical, "
          + p.high() + " high, " + p.medium() + " medium, " + p.low() + " low", segments));
    }
    String first = points.isEmpty() ? "" : DAY.format(points.get(0).at());
    String last = points.isEmpty() ? "" : DAY.format(points.get(points.size() - 1).at());
    return new TrendChart(WIDTH, HEIGHT, max, bars, first, last);
  }
}
