package dev.gatehouse.scanner.collect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.scanner.model.ActionsPermissions;
import dev.gatehouse.scanner.model.Environment;
import dev.gatehouse.scanner.model.OrgInfo;
import dev.gatehouse.scanner.model.PrivateForkPrSettings;
import dev.gatehouse.scanner.model.Runner;
import dev.gatehouse.scanner.model.RunnerGroup;
import dev.gatehouse.scanner.model.Readable;
import dev.gatehouse.scanner.model.SelectedActions;
import dev.gatehouse.scanner.model.WorkflowTokenDefaults;
import java.util.ArrayList;
import java.util.List;

/** Maps GitHub's JSON answers (the published shapes) to the snapshot model. */
public final class Settings {

  private Settings() {}

  public static OrgInfo orgInfo(JsonNode j) {
    return new OrgInfo(j.path("id").asLong(), text(j, "login"), text(j, "name"), text(j, "html_url"),
        bool(j, "two_factor_requirement_enabled"), text(j, "default_repository_permission"),
        bool(j, "members_can_create_public_repositories"));
  }

  private static Boolean bool(JsonNode j, String field) {
    JsonNode v = j.get(field);
    return v == null || v.isNull() ? null : v.asBoolean();
  }

  /** A boolean GitHub always sends: absent, the answer is malformed, never the default (false is the compliant side). */
  private static boolean required(JsonNode j, String field) {
    JsonNode v = j.get(field);
    if (v == null || !v.isBoolean()) {
      throw new Readable.Malformed("GitHub's answer lacks '" + field + "'");
    }
    return v.asBoolean();
  }

  public static ActionsPermissions permissions(JsonNode j) {
    return new ActionsPermissions(text(j, "enabled_repositories"), bool(j, "enabled"),
        text(j, "allowed_actions"), bool(j, "sha_pinning_required"));
  }

  public static SelectedActions selectedActions(JsonNode j) {
    List<String> patterns = new ArrayList<>();
    j.path("patterns_allowed").forEach(p -> patterns.add(p.asText()));
    return new SelectedActions(j.path("github_owned_allowed").asBoolean(false), j.path("verified_allowed").asBoolean(false), patterns);
  }

  public static WorkflowTokenDefaults workflowDefaults(JsonNode j) {
    return new WorkflowTokenDefaults(text(j, "default_workflow_permissions"), required(j, "can_approve_pull_request_reviews"));
  }

  public static PrivateForkPrSettings privateForkPr(JsonNode j) {
    return new PrivateForkPrSettings(required(j, "run_workflows_from_fork_pull_requests"),
        required(j, "send_write_tokens_to_workflows"), required(j, "send_secrets_and_variables"),
        required(j, "require_approval_for_fork_pr_workflows"));
  }

  public static Runner runner(JsonNode j, Long groupId) {
    List<String> labels = new ArrayList<>();
    j.path("labels").forEach(l -> labels.add(l.path("name").asText()));
    return new Runner(j.path("id").asLong(), text(j, "name"), text(j, "os"), text(j, "status"), j.path("busy").asBoolean(false),
        j.path("ephemeral").asBoolean(false), text(j, "version"), labels, groupId);
  }

  public static RunnerGroup runnerGroup(JsonNode j, Readable<List<String>> selectedRepositories) {
    List<String> workflows = new ArrayList<>();
    j.path("selected_workflows").forEach(w -> workflows.add(w.asText()));
    return new RunnerGroup(j.path("id").asLong(), text(j, "name"), text(j, "visibility"), j.path("default").asBoolean(false),
        j.path("inherited").asBoolean(false), required(j, "allows_public_repositories"),
        j.path("restricted_to_workflows").asBoolean(false), workflows, selectedRepositories);
  }

  public static Environment environment(JsonNode j) {
    List<String> reviewers = new ArrayList<>();
    boolean preventSelfReview = false;
    int wait = 0;
    for (JsonNode rule : j.path("protection_rules")) {
      switch (rule.path("type").asText()) {
        case "required_reviewers" -> {
          preventSelfReview |= rule.path("prevent_self_review").asBoolean(false);
          for (JsonNode r : rule.path("reviewers")) {
            JsonNode who = r.path("reviewer");
            reviewers.add(r.path("type").asText() + ":" + who.path("login").asText(who.path("slug").asText(who.path("name").asText())));
          }
        }
        case "wait_timer" -> wait = rule.path("wait_timer").asInt(0);
        default -> { }
      }
    }
    boolean branchPolicy = j.hasNonNull("deployment_branch_policy");
    return new Environment(text(j, "name"), reviewers, preventSelfReview, wait, branchPolicy);
  }

  private static String text(JsonNode j, String field) {
    JsonNode v = j.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
