package dev.gatehouse.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against the code: every property of every {@code @ConfigMapping} in the web
 * module has a row there with the code's default, and the page names no {@code gatehouse.*}
 * property the code does not have. Plain JUnit: reads compiled classes and the page, starts nothing.
 *
 * <p>Names are derived as SmallRye derives them: prefix, then each method name in kebab-case
 * ({@code @WithName} replaces it, {@code @WithParentName} drops it), groups recurse with {@code .},
 * and a {@code Map<String, X>} adds one segment for its key, written {@code <login>} (any
 * {@code <word>}) on the page.
 */
class ConfigurationReferenceTest {

  private static final Path DOC = Path.of("../docs/configuration.md");
  private static final String KEY = "<*>";
  private static final String NONE = "—";
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]+>");
  /** A property name in the page's prose or tables; not a package name ({@code dev.gatehouse.web}) or path. */
  private static final Pattern MENTION = Pattern.compile("(?<![\\w.$/-])gatehouse(?:\\.(?:[a-z0-9-]+|<[^>\\s]+>))+(?:\\.\\*)?");

  /** One property: its name ({@link #KEY} for map keys), the {@code @WithDefault} value, and where it is declared. */
  record Property(String name, Optional<String> defaultValue, String declaredBy) {}

  /** A table row of the page: property, environment variable and default cells as written. */
  record Row(String name, String env, String defaultCell, int line) {}

  private static Map<String, Property> code;
  private static Map<String, Row> rows;
  private static String doc;
  private static Properties applicationProperties;

  @BeforeAll
  static void read() throws Exception {
    code = new TreeMap<>();
    for (Class<?> mapping : configMappings()) {
      ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
      collect(mapping, annotation.prefix(), annotation.namingStrategy(), mapping.getSimpleName(), code);
    }
    assertThat(DOC).as("docs/configuration.md (the test runs in the web module)").exists();
    doc = Files.readString(DOC, StandardCharsets.UTF_8);
    rows = rows(doc);
    applicationProperties = new Properties();
    try (InputStream in = ConfigurationReferenceTest.class.getResourceAsStream("/application.properties")) {
      applicationProperties.load(in);
    }
  }

  @Test
  void findsTheMappings() {
    assertThat(code.values()).extracting(Property::declaredBy)
        .contains("GitHubConfig", "AuthConfig", "PolicyConfig", "ScheduleConfig", "RetentionConfig", "NotificationConfig", "DemoConfig");
    assertThat(code).containsKeys("gatehouse.auth.oidc.admin-roles", "gatehouse.schedule.org-cron." + KEY,
        "gatehouse.notifications.orgs." + KEY + ".webhook-url");
  }

  /** The derivation above is checked against SmallRye's own reading of each mapping, defaults included. */
  @Test
  void derivationAgreesWithSmallRye() throws Exception {
    Map<String, Optional<String>> smallrye = new TreeMap<>();
    for (Class<?> mapping : configMappings()) {
      ConfigMappings.getProperties(new ConfigMappings.ConfigClass(mapping, mapping.getAnnotation(ConfigMapping.class).prefix()))
          .forEach((name, property) -> {
            if (!name.endsWith("[*]")) { // list elements: the list itself is the property
              smallrye.put(name.replace("*", KEY),
                  property.hasDefaultValue() ? Optional.ofNullable(property.getDefaultValue()) : Optional.empty());
            }
          });
    }
    Map<String, Optional<String>> derived = new TreeMap<>();
    code.values().forEach(p -> derived.put(p.name(), p.defaultValue()));
    assertThat(derived).isEqualTo(smallrye);
  }

  @Test
  void everyPropertyHasARowWithTheDefaultOfTheCode() {
    List<String> missing = new ArrayList<>();
    List<String> wrongDefault = new ArrayList<>();
    for (Property p : code.values()) {
      Row row = rows.get(p.name());
      if (row == null) {
        missing.add(display(p.name()) + " (" + p.declaredBy() + ")");
        continue;
      }
      Optional<String> expected = p.defaultValue().or(() -> Optional.ofNullable(applicationProperties.getProperty(p.name())));
      String expectedCell = expected.map(v -> "`" + v + "`").orElse(NONE);
      if (!row.defaultCell().equals(expectedCell)) {
        wrongDefault.add(display(p.name()) + " (line " + row.line() + "): the code's default is " + expectedCell
            + ", the page says " + row.defaultCell());
      }
    }
    assertThat(missing.size() + wrongDefault.size())
        .as("docs/configuration.md against the code%nproperties without a row:%n  %s%ndefaults that differ from the code:%n  %s",
            missing.isEmpty() ? "none" : String.join("\n  ", missing),
            wrongDefault.isEmpty() ? "none" : String.join("\n  ", wrongDefault))
        .isZero();
  }

  /** MicroProfile Config's rule: upper case, every character other than a letter or digit becomes {@code _}. */
  @Test
  void environmentVariablesFollowTheMicroProfileRule() {
    List<String> wrong = new ArrayList<>();
    for (Property p : code.values()) {
      Row row = rows.get(p.name());
      if (row != null) {
        String expected = "`" + environmentVariable(row.name()) + "`";
        if (!row.env().equals(expected)) {
          wrong.add(row.name() + " (line " + row.line() + "): expected " + expected + ", the page says " + row.env());
        }
      }
    }
    assertThat(wrong).as("environment variables in docs/configuration.md:%n  %s", String.join("\n  ", wrong)).isEmpty();
    assertThat(environmentVariable("gatehouse.notifications.orgs.<login>.webhook-url"))
        .isEqualTo("GATEHOUSE_NOTIFICATIONS_ORGS_<LOGIN>_WEBHOOK_URL");
  }

  @Test
  void thePageNamesNoPropertyTheCodeDoesNotHave() throws Exception {
    List<String> known = new ArrayList<>(code.keySet());
    known.add(datasourceDirectoryProperty());
    TreeSet<String> stale = new TreeSet<>();
    Matcher m = MENTION.matcher(doc);
    while (m.find()) {
      String mention = m.group();
      if (known.stream().noneMatch(name -> covers(name, mention))) {
        stale.add(mention + " (line " + lineOf(doc, m.start()) + ")");
      }
    }
    assertThat(stale).as("docs/configuration.md names gatehouse.* properties the code does not have:%n  %s",
        String.join("\n  ", stale)).isEmpty();
  }

  @Test
  void mentionsAreMatchedAgainstNamesSegmentBySegment() {
    assertThat(covers("gatehouse.schedule.org-cron." + KEY, "gatehouse.schedule.org-cron.<login>")).isTrue();
    assertThat(covers("gatehouse.schedule.org-cron." + KEY, "gatehouse.schedule.org-cron.acme")).isTrue();
    assertThat(covers("gatehouse.notifications.orgs." + KEY + ".slack-url", "gatehouse.notifications.orgs.my-org.slack-url")).isTrue();
    assertThat(covers("gatehouse.notifications.orgs." + KEY + ".slack-url", "gatehouse.notifications.orgs.<login>.*")).isTrue();
    assertThat(covers("gatehouse.auth.oidc.admin-roles", "gatehouse.auth.oidc")).isTrue();
    assertThat(covers("gatehouse.auth.oidc.admin-roles", "gatehouse.auth.oidc.admin-role")).isFalse();
    assertThat(covers("gatehouse.auth.oidc.admin-roles", "gatehouse.auth.oidc.admin-roles.extra")).isFalse();
    assertThat(covers("gatehouse.github.token", "gatehouse.github.token.*")).isFalse();
  }

  // --- the code side ---

  /** Every interface annotated {@code @ConfigMapping} among the web module's compiled classes. */
  static List<Class<?>> configMappings() throws IOException, URISyntaxException {
    // The main classes (target/classes), not this test's: located through a class that lives there.
    Path classes = Path.of(dev.gatehouse.web.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes.resolve("dev/gatehouse/web"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        Class<?> type;
        try {
          type = Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          throw new AssertionError("cannot load " + name + " to look for @ConfigMapping: " + e, e);
        }
        if (type.isInterface() && type.isAnnotationPresent(ConfigMapping.class)) {
          found.add(type);
        }
      }
    }
    assertThat(found).as("@ConfigMapping interfaces under " + classes).isNotEmpty();
    return found;
  }

  private static void collect(Class<?> group, String path, ConfigMapping.NamingStrategy naming, String declaredBy,
      Map<String, Property> into) {
    for (Method method : group.getMethods()) {
      if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.isSynthetic()
          || method.getParameterCount() > 0 || method.getDeclaringClass() == Object.class) {
        continue;
      }
      String name = method.isAnnotationPresent(WithParentName.class) ? path
          : path + "." + Optional.ofNullable(method.getAnnotation(WithName.class)).map(WithName::value)
              .orElseGet(() -> name(method.getName(), naming));
      Type type = unwrapOptional(method.getGenericReturnType());
      Class<?> raw = raw(type);
      if (raw == Map.class) {
        Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
        name = name + "." + KEY;
        type = value;
        raw = raw(value);
      }
      if (isGroup(raw)) {
        collect(raw, name, naming, declaredBy, into);
      } else {
        Optional<String> defaultValue = Optional.ofNullable(method.getAnnotation(WithDefault.class)).map(WithDefault::value);
        Property previous = into.put(name, new Property(name, defaultValue, declaredBy));
        assertThat(previous).as("%s is declared twice", name).isNull();
      }
    }
  }

  /** A nested interface of the application is a group; JDK interfaces ({@code List}, ...) are values. */
  private static boolean isGroup(Class<?> type) {
    return type.isInterface() && !type.getName().startsWith("java.");
  }

  private static Type unwrapOptional(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      return p.getActualTypeArguments()[0];
    }
    return type;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new AssertionError("unexpected mapping member type " + type);
  }

  private static String name(String method, ConfigMapping.NamingStrategy naming) {
    return switch (naming) {
      case VERBATIM -> method;
      case KEBAB_CASE -> words(method, '-');
      case SNAKE_CASE -> words(method, '_');
    };
  }

  /** camelCase to lower-case words: {@code rateLimitReserve} → {@code rate-limit-reserve}, {@code apiURL} → {@code api-url}. */
  static String words(String camel, char separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
        boolean endsAcronym = i > 0 && i + 1 < camel.length() && Character.isUpperCase(camel.charAt(i - 1))
            && Character.isLowerCase(camel.charAt(i + 1));
        if (afterLower || endsAcronym) {
          out.append(separator);
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Read reflectively: the launcher's property for the embedded database, outside any mapping. */
  private static String datasourceDirectoryProperty() throws ReflectiveOperationException {
    var field = Class.forName("dev.gatehouse.web.db.DatasourceSelection").getDeclaredField("DIR_PROPERTY");
    field.setAccessible(true);
    return (String) field.get(null);
  }

  // --- the page side ---

  /** Rows of every table whose header has "Property" and "Default" columns, by property name ({@code <...>} as {@link #KEY}). */
  static Map<String, Row> rows(String markdown) {
    Map<String, Row> rows = new LinkedHashMap<>();
    List<String> lines = markdown.lines().toList();
    List<String> header = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith("|")) {
        header = null;
        continue;
      }
      List<String> cells = cells(line);
      if (header == null) {
        header = cells;
        continue;
      }
      int property = header.indexOf("Property");
      int env = header.indexOf("Environment variable");
      int defaultColumn = header.indexOf("Default");
      if (property < 0 || defaultColumn < 0 || cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
        continue;
      }
      String name = cells.get(property);
      if (name.length() > 2 && name.startsWith("`") && name.endsWith("`")) {
        name = name.substring(1, name.length() - 1);
        Row row = new Row(name, env < 0 ? "" : cells.get(env), cells.get(defaultColumn), i + 1);
        Row previous = rows.put(PLACEHOLDER.matcher(name).replaceAll(Matcher.quoteReplacement(KEY)), row);
        assertThat(previous).as("%s has two rows (lines %s and %d)", name, previous == null ? "" : previous.line(), i + 1).isNull();
      }
    }
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
    return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(String::strip).collect(Collectors.toList());
  }

  /**
   * Whether {@code mention} names the property {@code name}, a concrete instance of it
   * ({@code org-cron.acme} for {@code org-cron.<*>}), or a group above it ({@code gatehouse.auth.oidc},
   * {@code gatehouse.notifications.orgs.<login>.*}).
   */
  static boolean covers(String name, String mention) {
    boolean group = mention.endsWith(".*");
    String[] said = (group ? mention.substring(0, mention.length() - 2) : mention).split("\\.");
    String[] real = name.split("\\.");
    if (said.length > real.length || (group && said.length == real.length)) {
      return false;
    }
    for (int i = 0; i < said.length; i++) {
      if (real[i].equals(KEY) ? said[i].isEmpty() : !real[i].equals(said[i])) {
        return false;
      }
    }
    return true;
  }

  static String environmentVariable(String property) {
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(property);
    int at = 0;
    while (m.find()) {
      out.append(property.substring(at, m.start()).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
      out.append(m.group().toUpperCase(Locale.ROOT));
      at = m.end();
    }
    out.append(property.substring(at).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
    return out.toString();
  }

  private static String display(String name) {
    return name.replace(KEY, "<login>");
  }

  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
