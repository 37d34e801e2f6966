package dev.gatehouse.web.snapshot;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gatehouse.scanner.model.OrgSnapshot;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.RepoSnapshot;

/**
 * Snapshots as JSON for the database: what a scan read, kept as read — unavailable values with
 * their status and reason, not-applicable ones with theirs — so drift compares like with like.
 */
public final class SnapshotJson {

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Readable.Available.class, name = "available"),
      @JsonSubTypes.Type(value = Readable.Unavailable.class, name = "unavailable"),
      @JsonSubTypes.Type(value = Readable.NotApplicable.class, name = "not_applicable")})
  private interface ReadableMixin {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .addMixIn(Readable.class, ReadableMixin.class)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private SnapshotJson() {}

  public static String write(Object snapshot) {
    try {
      return JSON.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a snapshot", e);
    }
  }

  public static OrgSnapshot org(String json) {
    return read(json, OrgSnapshot.class);
  }

  public static RepoSnapshot repo(String json) {
    return read(json, RepoSnapshot.class);
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a stored " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
