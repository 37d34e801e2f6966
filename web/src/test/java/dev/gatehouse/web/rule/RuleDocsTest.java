package dev.gatehouse.web.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.scanner.rule.RuleInfo;
import dev.gatehouse.scanner.rule.RuleRegistry;
import org.junit.jupiter.api.Test;

/** Rule docs render from the packaged copy of docs/rules, with raw HTML escaped and links confined. */
class RuleDocsTest {

  private final RuleDocs docs = new RuleDocs();

  @Test
  void linksBetweenRuleDocsPointAtRulePagesAndNothingElseSurvives() {
    assertThat(RuleDocs.target("unpinned-image.md")).isEqualTo("/rules/unpinned-image");
    assertThat(RuleDocs.target("untrusted-checkout.md#remediation")).isEqualTo("/rules/untrusted-checkout#remediation");
    assertThat(RuleDocs.target("README.md")).isEqualTo("/rules");
    assertThat(RuleDocs.target("#why-it-matters")).isEqualTo("#why-it-matters");
    assertThat(RuleDocs.target("https://docs.github.com/en/actions")).isEqualTo("https://docs.github.com/en/actions");
    assertThat(RuleDocs.target("no-such-rule.md")).isNull();
    assertThat(RuleDocs.target("../design.md")).isNull();
    assertThat(RuleDocs.target("javascript:alert(1)")).isNull();
    assertThat(RuleDocs.target("//evil.example/x")).isNull();
  }

  @Test
  void rawHtmlIsEscapedAndUnsafeLinksLoseTheirTarget() {
    String html = docs.render("""
        # title

        <script>alert(1)</script>

        See [the other rule](template-injection.md), [a script](javascript:alert(1)) and [GitHub](https://github.com).

        | a | b |
        |---|---|
        | 1 | <img src=x onerror=alert(1)> |
        """);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
    assertThat(html).contains("<a href=\"/rules/template-injection\">the other rule</a>");
    assertThat(html).contains(" a script and ").doesNotContain("javascript:");
    assertThat(html).contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://github.com\">GitHub</a>");
    assertThat(html).contains("<table>", "&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
  }

  @Test
  void everyRuleHasItsPageAndOnlyRulesDo() {
    for (RuleInfo rule : RuleRegistry.all()) {
      assertThat(docs.html(rule.id())).as(rule.id()).hasValueSatisfying(html ->
          assertThat(html).contains("<h1>" + rule.id() + "</h1>", "<h2>Remediation</h2>").doesNotContain(".md\""));
    }
    assertThat(docs.html("cache-poisoning")).hasValueSatisfying(html ->
        assertThat(html).contains("<a href=\"/rules/untrusted-checkout\"><code>untrusted-checkout</code></a>"));
    assertThat(docs.html("README")).isEmpty();
    assertThat(docs.html("../../pom")).isEmpty();
  }
}
