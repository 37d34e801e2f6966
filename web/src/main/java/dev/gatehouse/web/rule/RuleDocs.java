package dev.gatehouse.web.rule;

import dev.gatehouse.scanner.rule.RuleRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Each rule's documentation page (docs/rules/ID.md, packaged under {@code gatehouse-docs/rules/})
 * as HTML. Raw HTML in the markdown is escaped and links are confined: links between rule docs
 * point at the rule pages, web links stay, and any other link keeps its text but loses its target.
 */
@ApplicationScoped
public class RuleDocs {

  private static final String ROOT = "gatehouse-docs/rules/";
  private static final Pattern DOC_LINK = Pattern.compile("([A-Za-z0-9-]+)\\.md(#[A-Za-z0-9_-]*)?");

  private final List<Extension> extensions = List.of(TablesExtension.create());
  private final Parser parser = Parser.builder().extensions(extensions).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
      .attributeProviderFactory(context -> (node, tag, attributes) -> {
        String href = attributes.get("href");
        if ("a".equals(tag) && href != null) {
          if (href.startsWith("http")) {
            attributes.put("rel", "nofollow noopener noreferrer");
          } else {
            attributes.remove("rel"); // our own pages need no nofollow
          }
        }
      })
      .build();
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /** The rendered page of a registered rule; empty for any other id, or when its page is missing. */
  public Optional<String> html(String ruleId) {
    if (RuleRegistry.info(ruleId) == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(cache.computeIfAbsent(ruleId, id -> read(id).map(this::render).orElse(null)));
  }

  String render(String markdown) {
    Node document = parser.parse(markdown);
    List<Link> links = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        links.add(link);
      }
    });
    links.forEach(RuleDocs::confine);
    return renderer.render(document);
  }

  private static void confine(Link link) {
    String target = target(link.getDestination());
    if (target != null) {
      link.setDestination(target);
      return;
    }
    Node child = link.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      link.insertBefore(child);
      child = next;
    }
    link.unlink();
  }

  /** Where a link in a rule doc may go, or null when it may go nowhere. */
  static String target(String destination) {
    if (destination.startsWith("#") || destination.startsWith("https://") || destination.startsWith("http://")) {
      return destination;
    }
    Matcher m = DOC_LINK.matcher(destination);
    if (!m.matches()) {
      return null;
    }
    String anchor = m.group(2) == null ? "" : m.group(2);
    if ("README".equals(m.group(1))) {
      return "/rules" + anchor;
    }
    return RuleRegistry.info(m.group(1)) == null ? null : "/rules/" + m.group(1) + anchor;
  }

  private static Optional<String> read(String id) {
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + id + ".md")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
