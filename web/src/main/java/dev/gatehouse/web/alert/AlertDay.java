package dev.gatehouse.web.alert;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The alerts raised on one day (UTC), for the timeline. */
public record AlertDay(LocalDate day, List<AlertView> alerts) {

  /** Groups alerts already in timeline order, keeping that order. */
  static List<AlertDay> group(List<AlertView> alerts) {
    Map<LocalDate, List<AlertView>> days = new LinkedHashMap<>();
    for (AlertView a : alerts) {
      days.computeIfAbsent(a.createdAt().atZone(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>()).add(a);
    }
    return days.entrySet().stream().map(e -> new AlertDay(e.getKey(), List.copyOf(e.getValue()))).toList();
  }
}
