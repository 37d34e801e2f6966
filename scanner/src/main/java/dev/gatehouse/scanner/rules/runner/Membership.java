package dev.gatehouse.scanner.rules.runner;

import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.policy.Posture;
import java.util.List;

/**
 * Which organization runners sit in a group. Membership is read from each group's runner list,
 * so a runner whose group could not be read has none: a group then counts as empty only when
 * every runner's group is known.
 */
final class Membership {

  private static final Posture.Runners NO_POSITION = new Posture.Runners(null, null, null, null, null);

  private Membership() {}

  /** The policy's runner section; a policy without one takes no position. */
  static Posture.Runners posture(Posture posture) {
    return posture == null || posture.runners() == null ? NO_POSITION : posture.runners();
  }

  /** Runners known to be in {@code group} (empty when the runners could not be read). */
  static List<Runner> members(RunnerGroup group, Readable<List<Runner>> runners) {
    List<Runner> all = runners.orNull();
    return all == null ? List.of() : all.stream().filter(r -> r.groupId() != null && r.groupId() == group.id()).toList();
  }

  /** True when the runners were read, every one's group is known, and none is in {@code group}. */
  static boolean knownEmpty(RunnerGroup group, Readable<List<Runner>> runners) {
    List<Runner> all = runners.orNull();
    return all != null && all.stream().allMatch(r -> r.groupId() != null) && members(group, runners).isEmpty();
  }

  /** The group a runner belongs to, or null when unknown. */
  static RunnerGroup groupOf(Runner runner, Readable<List<RunnerGroup>> groups) {
    List<RunnerGroup> all = groups.orNull();
    if (all == null || runner.groupId() == null) {
      return null;
    }
    return all.stream().filter(g -> g.id() == runner.groupId()).findFirst().orElse(null);
  }

  static String names(List<Runner> runners) {
    return String.join(", ", runners.stream().map(r -> "'" + r.name() + "'").toList());
  }
}
