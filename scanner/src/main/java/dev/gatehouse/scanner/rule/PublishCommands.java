package dev.gatehouse.scanner.rule;

import dev.gatehouse.scanner.model.Job;
import dev.gatehouse.scanner.model.Scalar;
import dev.gatehouse.scanner.model.Step;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Package publishing commands whose registries offer trusted publishing (OIDC), and where the
 * stored token a step publishes with comes from. Used by the long-lived-publish-token rule.
 */
public final class PublishCommands {

  /**
   * A publish command; the variables that carry its token; a config line that stores one
   * (.npmrc, .pypirc, cargo login, gem credentials); a line that names another registry; the fix.
   */
  public record Tool(String name, Pattern command, List<String> tokenVars, Pattern config, Pattern elsewhere, String fix) {
    /** npm tokens also install private packages; the other variables exist only to publish. */
    public boolean publishOnly() {
      return !name.equals("npm publish");
    }
  }

  public static final List<Tool> TOOLS = List.of(
      new Tool("PyPI upload",
          Pattern.compile("\\btwine\\s+upload\\b|\\b(?:uv|poetry|hatch|flit|pdm)\\s+publish\\b|\\bmaturin\\s+(?:publish|upload)\\b"),
          List.of("TWINE_PASSWORD", "UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD", "POETRY_PYPI_TOKEN_PYPI", "HATCH_INDEX_AUTH",
              "FLIT_PASSWORD", "PDM_PUBLISH_PASSWORD", "MATURIN_PYPI_TOKEN", "MATURIN_PASSWORD"),
          Pattern.compile("(?m)pypi-token|^\\s*password\\s*[:=]"),
          Pattern.compile("--(?:repository-url|publish-url|index-url)[=\\s]+(?!\\S*pypi\\.org)\\S"
              + "|(?:--repository|--index|-r)[=\\s]+(?!(?:test)?pypi\\b)\\w"),
          "configure a trusted publisher on PyPI and grant this job id-token: write"),
      new Tool("npm publish", Pattern.compile("\\b(?:npm|pnpm)\\s+publish\\b|\\byarn\\s+(?:npm\\s+)?publish\\b"),
          List.of("NODE_AUTH_TOKEN", "NPM_TOKEN", "NPM_AUTH_TOKEN"), Pattern.compile("_authToken"),
          Pattern.compile("npm\\.pkg\\.github\\.com|--registry[=\\s]+(?!\\S*registry\\.npmjs\\.org)\\S"),
          "configure npm trusted publishing for this workflow and grant the job id-token: write"),
      new Tool("cargo publish", Pattern.compile("\\bcargo\\s+publish\\b"), List.of("CARGO_REGISTRY_TOKEN"),
          Pattern.compile("\\bcargo\\s+login\\b"), Pattern.compile("--(?:registry|index)[=\\s]+(?!crates-io\\b)\\S"),
          "configure crates.io trusted publishing and use rust-lang/crates-io-auth-action"),
      new Tool("gem push", Pattern.compile("\\bgem\\s+push\\b"), List.of("GEM_HOST_API_KEY"), Pattern.compile("rubygems_api_key"),
          Pattern.compile("--host[=\\s]+(?!\\S*rubygems\\.org)\\S|--key\\s+github"),
          "configure a RubyGems trusted publisher and use rubygems/release-gem"),
      new Tool("NuGet push", Pattern.compile("\\b(?:dotnet\\s+)?nuget\\s+push\\b"), List.of("NUGET_API_KEY", "NUGET_AUTH_TOKEN"),
          Pattern.compile("(?!)"), Pattern.compile("(?i)(?:--source|-s|-Source)\\s+\"?(?!\\S*nuget\\.org)\\S"),
          "configure NuGet trusted publishing and use NuGet/login for a short-lived key"));

  /** A stored secret; the GITHUB_TOKEN is minted per run and is not one. */
  private static final Pattern SECRET = Pattern.compile("secrets\\.(?!github_token\\b)([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);

  private PublishCommands() {}

  /** {@code secrets.NAME} read by a value, or null. */
  public static String secret(String value) {
    Matcher m = value == null ? null : SECRET.matcher(value);
    return m != null && m.find() ? "secrets." + m.group(1) : null;
  }

  /**
   * The token a publish {@code line} of {@code step} uses: one of {@code vars}, or a variable the
   * line references, set from a secret (step, then job, then workflow env), or a secret on the line.
   */
  public static String token(List<String> vars, String line, Map<String, Scalar> top, Job job, Step step) {
    for (String name : vars) {
      String source = secret(env(name, top, job, step));
      if (source != null) {
        return name + " from " + source;
      }
    }
    Matcher ref = ShellVariables.REFERENCE.matcher(line);
    while (ref.find()) {
      String name = ref.group(1) != null ? ref.group(1) : ref.group(2);
      String source = secret(env(name, top, job, step));
      if (source != null) {
        return "$" + name + " from " + source;
      }
    }
    return secret(line);
  }

  /** A token an earlier step stored for {@code tool} (.npmrc, .pypirc, cargo login, gem credentials), or null. */
  public static String configured(Tool tool, Map<String, Scalar> top, Job job, Step earlier) {
    Scalar run = earlier.run();
    Matcher m = run == null ? null : tool.config().matcher(run.value());
    while (m != null && m.find()) {
      String token = token(List.of(), lineAt(run.value(), m.start()), top, job, earlier);
      if (token != null) {
        return token + " (stored by step '" + earlier.label() + "')";
      }
    }
    return null;
  }

  private static String env(String name, Map<String, Scalar> top, Job job, Step step) {
    Scalar value = step.env().get(name);
    value = value == null && job != null ? job.env().get(name) : value;
    value = value == null ? top.get(name) : value;
    return value == null ? null : value.value();
  }

  /** The whole line of {@code text} around {@code offset}. */
  public static String lineAt(String text, int offset) {
    int end = text.indexOf('\n', offset);
    return text.substring(text.lastIndexOf('\n', offset) + 1, end < 0 ? text.length() : end);
  }
}
