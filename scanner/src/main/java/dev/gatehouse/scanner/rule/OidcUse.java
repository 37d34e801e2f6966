package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Permissions;
import dev.gatehouse.scanner.model.Step;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a job visibly exchanges its OIDC token (publishes, deploys, signs, logs in to a cloud),
 * which is what {@code id-token: write} is for. Used by the excessive-permissions rule.
 */
public final class OidcUse {

  /** Actions that exchange the job's OIDC token: holding id-token: write is their purpose. */
  private static final Set<String> ACTIONS = Set.of(
      "pypa/gh-action-pypi-publish", "aws-actions/configure-aws-credentials", "google-github-actions/auth",
      "azure/login", "docker/login-action", "actions/attest-build-provenance", "actions/attest",
      "actions/attest-sbom", "actions/deploy-pages", "codecov/codecov-action", "hashicorp/vault-action",
      "rust-lang/crates-io-auth-action", "octo-sts/action", "open-security-tools/ost-simple-sts",
      "ossf/scorecard-action", "jfrog/setup-jfrog-cli", "denoland/deployctl", "pulumi/auth-actions",
      "anthropics/claude-code-action", "rubygems/release-gem", "rubygems/configure-rubygems-credentials",
      "nuget/login", "chainguard-dev/setup-chainctl", "codspeedhq/action", "tiangolo/pr-push",
      "tiangolo/pr-submit", "grafana/shared-workflows");
  private static final Set<String> OWNERS = Set.of("sigstore", "slsa-framework", "depot");
  /** Commands that publish, sign or log in with the OIDC token, or fetch it directly. */
  private static final Pattern COMMANDS = Pattern.compile(
      "\\b(npm|pnpm|yarn|poetry|uv|flit|hatch|pdm|cargo)\\s+(npm\\s+)?publish\\b|\\btwine\\s+upload\\b|\\bgem\\s+push\\b"
          + "|\\bnuget\\s+push\\b|\\bdocker\\s+push\\b|\\bcosign\\b|\\bsigstore\\b|\\bgh\\s+attestation\\b|\\bgoreleaser\\b"
          + "|ACTIONS_ID_TOKEN_REQUEST|getIDToken|\\bgcloud\\b|\\baws\\s|\\baz\\s|\\bvault\\s");
  /** Words in a job's or step's name or id that say it publishes, deploys or signs. */
  private static final Pattern NAMES = Pattern.compile(
      "(?<![a-z])(publish|releas|deploy|upload|attest|provenance|docker|container|terraform)"
          + "|(?<![a-z])(pypi|npm|crates|sign|signing|slsa|sbom|images?|push|pages|oidc|sts|aws|gcp|gcs|azure|s3|helm|vault)"
          + "(?![a-z0-9])");
  /** Registries a job container is pulled from with the job's OIDC token. */
  private static final Pattern REGISTRIES = Pattern.compile("^registry\\.depot\\.dev/");

  private OidcUse() {}

  /**
   * An action known to exchange the token, a publish, signing or cloud command, an
   * {@code attestations: write} grant next to it, a container from an OIDC registry, or a job or
   * step named for publishing.
   */
  public static boolean seen(Job job, Permissions effective) {
    if ("write".equals(effective.level("attestations"))
        || (job.container() != null && job.container().image() != null
            && REGISTRIES.matcher(job.container().image().value()).find())) {
      return true;
    }
    StringBuilder names = new StringBuilder(job.id()).append(' ').append(job.name() == null ? "" : job.name());
    for (Step step : job.steps()) {
      names.append(' ').append(step.name() == null ? "" : step.name()).append(' ').append(step.id() == null ? "" : step.id());
      if (step.uses() != null && step.uses().remote()
          && (ACTIONS.contains(step.uses().slug()) || OWNERS.contains(step.uses().owner().toLowerCase(Locale.ROOT)))) {
        return true;
      }
      String code = step.run() != null ? step.run().value() : step.with().containsKey("script") ? step.with("script").value() : "";
      if (COMMANDS.matcher(code).find()) {
        return true;
      }
    }
    return NAMES.matcher(names.toString().toLowerCase(Locale.ROOT)).find();
  }
}
