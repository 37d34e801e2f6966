package dev.gatehouse.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Lints and renders the chart with the real Helm library (helm-java embeds it natively) and reads
 * the manifests back as YAML, so what is asserted is what Kubernetes would receive.
 */
class HelmChartTest {

  private static final Path CHART = Path.of(System.getProperty("gatehouse.chart.dir", "gatehouse"));

  /** The least a real install needs: the database; the rest stays at its defaults. */
  private static final String REQUIRED = """
      database:
        url: jdbc:postgresql://db.internal:5432/gatehouse
        existingSecret: gatehouse-db
      """;

  @TempDir
  Path tmp;

  @Test
  void lintsStrictWithoutErrorsOrWarningsAsShipped() {
    // Helm lints with required values missing, so this covers Chart.yaml, values.yaml and the templates' syntax.
    LintResult lint = new Helm(CHART).lint().strict().call();

    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    assertThat(lint.isFailed()).isFalse();
  }

  @Test
  void lintsStrictWithoutErrorsOrWarningsWithTheRequiredValues() throws IOException {
    Path chart = copyChart();
    String values = Files.readString(chart.resolve("values.yaml"));
    // helm-java's lint takes no values, so the copy carries the two required ones.
    Files.writeString(chart.resolve("values.yaml"), values
        .replace("  url: \"\"\n", "  url: jdbc:postgresql://db.internal:5432/gatehouse\n")
        .replace("  existingSecret: \"\"\n  usernameKey", "  existingSecret: gatehouse-db\n  usernameKey"));
    assertThat(Files.readString(chart.resolve("values.yaml")))
        .contains("  url: jdbc:postgresql://db.internal:5432/gatehouse\n", "  existingSecret: gatehouse-db\n");

    LintResult lint = new Helm(chart).lint().strict().call();

    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    assertThat(lint.isFailed()).isFalse();
  }

  @Test
  void rendersADeploymentWithProbesResourcesAndALockedDownContainer() {
    Manifests m = render(REQUIRED);

    Map<String, Object> deployment = m.one("Deployment");
    assertThat(at(deployment, "spec.replicas")).isEqualTo(2);
    assertThat(at(deployment, "spec.strategy.type")).isEqualTo("RollingUpdate");
    assertThat(at(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isEqualTo(0);

    Map<String, Object> container = m.container();
    assertThat(container.get("image")).isEqualTo("gatehouse/gatehouse:0.1.0");
    assertThat(list(container, "ports")).extracting(p -> at(p, "name") + ":" + at(p, "containerPort"))
        .containsExactly("http:8080", "management:9000");
    assertThat(at(container, "livenessProbe.httpGet.port")).isEqualTo("management");
    assertThat(at(container, "readinessProbe.httpGet.port")).isEqualTo("management");
    assertThat(at(container, "startupProbe.httpGet.port")).isEqualTo("management");
    assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/q/health/live");
    assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/q/health/ready");
    assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo("/q/health/live");
    assertThat(at(container, "startupProbe.failureThreshold")).isEqualTo(60);
    assertThat(at(container, "resources.requests.memory")).isEqualTo("512Mi");
    assertThat(at(container, "resources.requests.cpu")).isEqualTo("250m");
    assertThat(at(container, "resources.limits.memory")).isEqualTo("1Gi");
    assertThat(at(container, "resources.limits.cpu")).isEqualTo("1");

    assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(at(container, "securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
    assertThat(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat(at(deployment, "spec.template.spec.securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
    assertThat(at(deployment, "spec.template.spec.automountServiceAccountToken")).isEqualTo(false);

    assertThat(m.mountPaths()).contains("/tmp", "/var/lib/gatehouse/etags", "/etc/gatehouse/policy.yml");
    assertThat(m.volume("tmp")).containsKey("emptyDir");
    assertThat(m.volume("etags")).containsKey("emptyDir");
    assertThat(m.env("GATEHOUSE_GITHUB_ETAG_DIR")).isEqualTo("/var/lib/gatehouse/etags");

    Map<String, Object> service = m.one("Service");
    assertThat(at(service, "spec.type")).isEqualTo("ClusterIP");
    assertThat(list(service, "spec.ports")).singleElement()
        .satisfies(p -> assertThat(at(p, "port")).isEqualTo(8080));

    Map<String, Object> annotations = map(deployment, "spec.template.metadata.annotations");
    assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics")
        .containsEntry("prometheus.io/port", "9000").containsKey("checksum/policy");
  }

  @Test
  void alwaysPointsTheServiceAtTheConfiguredDatabaseSoNothingEmbeddedStarts() {
    Manifests m = render(REQUIRED);

    assertThat(m.env("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:postgresql://db.internal:5432/gatehouse");
    assertThat(m.secretRef("QUARKUS_DATASOURCE_USERNAME")).containsEntry("name", "gatehouse-db").containsEntry("key", "username");
    assertThat(m.secretRef("QUARKUS_DATASOURCE_PASSWORD")).containsEntry("name", "gatehouse-db").containsEntry("key", "password");
    assertThat(m.envNames()).doesNotContain("GATEHOUSE_DB_DIR");
  }

  @Test
  void refusesToRenderWithoutADatabaseUrl() {
    assertThatThrownBy(() -> render("database: {existingSecret: gatehouse-db}"))
        .hasMessageContaining("database.url is required")
        .hasMessageContaining("jdbc:postgresql://HOST:5432/DATABASE");
  }

  @Test
  void refusesADatabaseUrlThatIsNotPostgresJdbc() {
    assertThatThrownBy(() -> render("database: {url: 'postgres://db:5432/gatehouse', existingSecret: gatehouse-db}"))
        .hasMessageContaining("database.url must be a PostgreSQL JDBC URL");
  }

  @Test
  void refusesToRenderWithoutDatabaseCredentials() {
    assertThatThrownBy(() -> render("database: {url: 'jdbc:postgresql://db:5432/gatehouse'}"))
        .hasMessageContaining("database.existingSecret is required");
  }

  @Test
  void refusesOrganizationsWithoutCredentials() {
    assertThatThrownBy(() -> render(REQUIRED + "github: {organizations: [acme]}"))
        .hasMessageContaining("github.organizations is set: github.existingSecret must name a Secret");
  }

  @Test
  void addsADisruptionBudgetOnlyWithMoreThanOneReplica() {
    assertThat(render(REQUIRED + "replicaCount: 1").kinds()).doesNotContain("PodDisruptionBudget");

    Manifests three = render(REQUIRED + "replicaCount: 3");
    assertThat(at(three.one("Deployment"), "spec.replicas")).isEqualTo(3);
    Map<String, Object> pdb = three.one("PodDisruptionBudget");
    assertThat(at(pdb, "spec.maxUnavailable")).isEqualTo(1);
    assertThat(at(pdb, "spec.selector.matchLabels")).isEqualTo(at(three.one("Deployment"), "spec.selector.matchLabels"));
  }

  @Test
  void rendersAnIngressOnlyWhenEnabled() {
    assertThat(render(REQUIRED).kinds()).doesNotContain("Ingress");

    Manifests m = render(REQUIRED + """
        ingress:
          enabled: true
          className: nginx
          hosts:
            - host: gatehouse.acme.test
              paths: [{path: /, pathType: Prefix}]
          tls:
            - secretName: gatehouse-tls
              hosts: [gatehouse.acme.test]
        """);
    Map<String, Object> ingress = m.one("Ingress");
    assertThat(at(ingress, "spec.ingressClassName")).isEqualTo("nginx");
    assertThat(list(ingress, "spec.tls")).singleElement()
        .satisfies(t -> assertThat(at(t, "secretName")).isEqualTo("gatehouse-tls"));
    Map<String, Object> rule = list(ingress, "spec.rules").get(0);
    assertThat(rule.get("host")).isEqualTo("gatehouse.acme.test");
    Map<String, Object> path = list(rule, "http.paths").get(0);
    assertThat(at(path, "backend.service.name")).isEqualTo(at(m.one("Service"), "metadata.name"));
    assertThat(at(path, "backend.service.port.name")).isEqualTo("http");
  }

  @Test
  void mountsTheGitHubAppKeyAsAFileAndPassesIdsAsDigits() {
    Manifests m = render(REQUIRED + """
        github:
          organizations: [acme, acme-labs]
          existingSecret: gatehouse-github
          appId: 2345678
          appInstallationId: 87654321
        """);

    assertThat(m.env("GATEHOUSE_GITHUB_ORGANIZATIONS")).isEqualTo("acme,acme-labs");
    assertThat(m.env("GATEHOUSE_GITHUB_APP_ID")).isEqualTo("2345678");
    assertThat(m.env("GATEHOUSE_GITHUB_APP_INSTALLATION_ID")).isEqualTo("87654321");
    assertThat(m.env("GATEHOUSE_GITHUB_APP_PRIVATE_KEY_FILE")).isEqualTo("/etc/gatehouse/github/app-private-key.pem");
    assertThat(m.envNames()).doesNotContain("GATEHOUSE_GITHUB_TOKEN", "GATEHOUSE_GITHUB_APP_PRIVATE_KEY");
    assertThat(m.mountPaths()).contains("/etc/gatehouse/github");
    Map<String, Object> secret = map(m.volume("github-app-key"), "secret");
    assertThat(secret.get("secretName")).isEqualTo("gatehouse-github");
    assertThat(secret.get("defaultMode")).isEqualTo(0440);
    assertThat(secret.get("items")).isEqualTo(List.of(Map.of("key", "app-private-key", "path", "app-private-key.pem")));
  }

  @Test
  void takesATokenFromTheSecretWhenNoAppIsConfigured() {
    Manifests m = render(REQUIRED + """
        github:
          organizations: [acme]
          existingSecret: gatehouse-github
          apiUrl: https://ghe.acme.test/api/v3
        """);

    assertThat(m.secretRef("GATEHOUSE_GITHUB_TOKEN")).containsEntry("name", "gatehouse-github").containsEntry("key", "token");
    assertThat(m.env("GATEHOUSE_GITHUB_API_URL")).isEqualTo("https://ghe.acme.test/api/v3");
    assertThat(m.envNames()).doesNotContain("GATEHOUSE_GITHUB_APP_ID", "GATEHOUSE_GITHUB_APP_PRIVATE_KEY_FILE");
    assertThat(m.mountPaths()).doesNotContain("/etc/gatehouse/github");
  }

  @Test
  void passesOidcSettingsAndTakesTheClientSecretFromASecret() {
    Manifests m = render(REQUIRED + """
        oidc:
          enabled: true
          authServerUrl: https://login.acme.test/realms/acme
          clientId: gatehouse
          existingSecret: gatehouse-oidc
          adminRoles: [security-admins]
        """);

    assertThat(m.env("QUARKUS_OIDC_TENANT_ENABLED")).isEqualTo("true");
    assertThat(m.env("QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo("https://login.acme.test/realms/acme");
    assertThat(m.env("QUARKUS_OIDC_CLIENT_ID")).isEqualTo("gatehouse");
    assertThat(m.secretRef("QUARKUS_OIDC_CREDENTIALS_SECRET")).containsEntry("name", "gatehouse-oidc").containsEntry("key", "client-secret");
    assertThat(m.env("GATEHOUSE_AUTH_OIDC_ADMIN_ROLES")).isEqualTo("security-admins");
    assertThat(render(REQUIRED).envNames()).noneMatch(n -> n.startsWith("QUARKUS_OIDC_"));
  }

  @Test
  void refusesOidcWithoutItsSettings() {
    assertThatThrownBy(() -> render(REQUIRED + "oidc: {enabled: true, clientId: gatehouse}"))
        .hasMessageContaining("oidc.enabled needs oidc.authServerUrl, oidc.clientId and oidc.existingSecret");
  }

  @Test
  void secretsAreOnlyEverReferencedNeverRendered() {
    String sampleToken = "ghp_SampleTokenValue0123456789abcdefABCD";
    String manifests = template(REQUIRED + """
        github:
          organizations: [acme]
          existingSecret: gatehouse-github
          token: %s
        oidc:
          enabled: true
          authServerUrl: https://login.acme.test/realms/acme
          clientId: gatehouse
          existingSecret: gatehouse-oidc
          clientSecret: %s
        """.formatted(sampleToken, sampleToken));
    Manifests m = new Manifests(parse(manifests));

    assertThat(manifests).doesNotContain(sampleToken);
    assertThat(m.kinds()).doesNotContain("Secret");
    for (Map<String, Object> env : m.envEntries()) {
      String name = (String) env.get("name");
      if (name.matches(".*(TOKEN|PASSWORD|SECRET|PRIVATE_KEY)")) {
        assertThat(env).as(name).doesNotContainKey("value");
        assertThat(at(env, "valueFrom.secretKeyRef")).as(name).isNotNull();
      }
    }
  }

  @Test
  void shipsAPolicyThatParsesAndCanFallBackToTheBundledOne() {
    Manifests m = render(REQUIRED);
    String policy = (String) at(m.one("ConfigMap"), "data.policy.yml");
    assertThat(policy).contains("docs/policy.md");
    // Only comments: the service applies its strict default to a policy with no keys.
    assertThat(new Load(LoadSettings.builder().build()).loadFromString(policy)).isNull();
    assertThat(m.env("GATEHOUSE_POLICY_FILE")).isEqualTo("/etc/gatehouse/policy.yml");

    Manifests bundled = render(REQUIRED + "policy: ''");
    assertThat(bundled.kinds()).doesNotContain("ConfigMap");
    assertThat(bundled.envNames()).doesNotContain("GATEHOUSE_POLICY_FILE");
    assertThat(bundled.mountPaths()).doesNotContain("/etc/gatehouse/policy.yml");
  }

  @Test
  void aPolicyChangeRollsThePods() {
    String before = (String) at(render(REQUIRED).one("Deployment"), "spec.template.metadata.annotations.checksum/policy");
    String after = (String) at(render(REQUIRED + "policy: 'version: 1'").one("Deployment"),
        "spec.template.metadata.annotations.checksum/policy");

    assertThat(after).isNotEqualTo(before);
  }

  // --- rendering and reading back

  private Manifests render(String values) {
    return new Manifests(parse(template(values)));
  }

  private String template(String values) {
    Path file = tmp.resolve("values-" + System.nanoTime() + ".yaml");
    try {
      Files.writeString(file, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Helm(CHART).template().withName("gatehouse").withNamespace("gatehouse").withValuesFile(file).call();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parse(String manifests) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(manifests)) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  private Path copyChart() throws IOException {
    Path target = tmp.resolve("gatehouse");
    try (Stream<Path> files = Files.walk(CHART)) {
      for (Path source : files.toList()) {
        Path dest = target.resolve(CHART.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest);
        }
      }
    }
    return target;
  }

  /** The value at a dotted path of maps; a key may itself contain dots when no shorter key matches. */
  @SuppressWarnings("unchecked")
  private static Object at(Object node, String path) {
    Object current = node;
    String rest = path;
    while (!rest.isEmpty()) {
      Map<String, Object> map = (Map<String, Object>) current;
      String key = rest;
      int dot = rest.indexOf('.');
      while (dot >= 0 && !map.containsKey(rest.substring(0, dot))) {
        dot = rest.indexOf('.', dot + 1);
      }
      if (dot >= 0) {
        key = rest.substring(0, dot);
        rest = rest.substring(dot + 1);
      } else {
        rest = "";
      }
      current = map.get(key);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String path) {
    return (Map<String, Object>) at(node, path);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object node, String path) {
    return (List<Map<String, Object>>) at(node, path);
  }

  /** The rendered objects, with shortcuts to the one Gatehouse container. */
  private final class Manifests {

    private final List<Map<String, Object>> docs;

    Manifests(List<Map<String, Object>> docs) {
      this.docs = docs;
    }

    List<String> kinds() {
      return docs.stream().map(d -> (String) d.get("kind")).toList();
    }

    Map<String, Object> one(String kind) {
      List<Map<String, Object>> found = docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
      assertThat(found).as("rendered %s objects", kind).hasSize(1);
      return found.get(0);
    }

    Map<String, Object> container() {
      List<Map<String, Object>> containers = list(one("Deployment"), "spec.template.spec.containers");
      assertThat(containers).hasSize(1);
      return containers.get(0);
    }

    List<Map<String, Object>> envEntries() {
      return Optional.ofNullable(list(container(), "env")).orElse(List.of());
    }

    List<String> envNames() {
      return envEntries().stream().map(e -> (String) e.get("name")).toList();
    }

    String env(String name) {
      Map<String, Object> entry = envEntry(name);
      assertThat(entry).as("env %s", name).doesNotContainKey("valueFrom");
      return (String) entry.get("value");
    }

    Map<String, Object> secretRef(String name) {
      Map<String, Object> entry = envEntry(name);
      assertThat(entry).as("env %s", name).doesNotContainKey("value");
      return map(entry, "valueFrom.secretKeyRef");
    }

    List<String> mountPaths() {
      List<Map<String, Object>> mounts = list(container(), "volumeMounts");
      return mounts.stream().map(v -> (String) v.get("mountPath")).toList();
    }

    Map<String, Object> volume(String name) {
      List<Map<String, Object>> volumes = list(one("Deployment"), "spec.template.spec.volumes");
      return volumes.stream().filter(v -> name.equals(v.get("name"))).findFirst()
          .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private Map<String, Object> envEntry(String name) {
      return envEntries().stream().filter(e -> name.equals(e.get("name"))).findFirst()
          .orElseThrow(() -> new AssertionError("no env " + name + " in " + envNames()));
    }
  }
}
