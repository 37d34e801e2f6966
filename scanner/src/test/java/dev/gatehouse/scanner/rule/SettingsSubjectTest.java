package dev.gatehouse.scanner.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which subject (repository or organization) a settings finding's resource belongs to. */
class SettingsSubjectTest {

  @Test
  void repositoryResourcesBelongToTheirRepositoryAndTheRestToTheOrganization() {
    Set<String> repos = Set.of("acme/web", "acme/api");
    assertThat(SettingsAudit.subjectOf("/repos/acme/web/actions/permissions", "acme", repos)).isEqualTo("acme/web");
    assertThat(SettingsAudit.subjectOf("/repos/acme/api", "acme", repos)).isEqualTo("acme/api");
    assertThat(SettingsAudit.subjectOf("/orgs/acme/actions/permissions", "acme", repos)).isEqualTo("acme");
  }

  @Test
  void aListedNameWithASlashKeepsItsFindings() {
    // GitHub's names have no '/', but a hostile or broken server's may: the finding stays with the listed repository.
    Set<String> repos = Set.of("acme/<script>alert(1)</script>", "acme/web");
    assertThat(SettingsAudit.subjectOf("/repos/acme/<script>alert(1)</script>/actions/permissions", "acme", repos))
        .isEqualTo("acme/<script>alert(1)</script>");
    // Not listed: the plain split, as before.
    assertThat(SettingsAudit.subjectOf("/repos/acme/gone/actions/permissions", "acme", repos)).isEqualTo("acme/gone");
  }
}
