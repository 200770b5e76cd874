package org.qualigraph.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.quality.AuditEntry;
import org.qualigraph.quality.CommentRequest;
import org.qualigraph.quality.Governance;
import org.qualigraph.quality.GovernanceRecordService;
import org.qualigraph.quality.ReviewCommentService;
import org.qualigraph.quality.ReviewWorkflowService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sentences services write, on screen in a German or Polish user's language: refused workflow steps (409) in
 * the review panel, the audit entries of comments and of the governance record, the 400 answers of the evidence
 * record and of user administration. The English that the API gives stays as it was.
 */
class ServiceSentencesLanguageViewTest extends ViewTest {

    private static final Locale POLISH = Locale.forLanguageTag("pl");

    @Autowired
    ReviewEditorExtension review;
    @Autowired
    EvidenceEditorExtension evidence;
    @Autowired
    QualificationService qualifications;
    @Autowired
    ReviewWorkflowService workflow;
    @Autowired
    ReviewCommentService comments;
    @Autowired
    GovernanceRecordService governance;
    @Autowired
    org.qualigraph.account.AccountService accounts;
    @Autowired
    org.neo4j.driver.Driver driver;

    @Test
    void aGermanReviewerReadsWhyPublishingIsRefused() {
        login("reviewer", "REVIEWER");
        UI.getCurrent().setLocale(Locale.GERMAN);
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.APPROVED, "designer");
        UI.getCurrent().add(review.create(new ReviewPanelTest.RecordingContext(id, qualifications)));

        _click(_get(Button.class, spec -> spec.withId("action-PUBLISH")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));

        String refusal = blocked();
        // the review panel lists what blocks publication one finding per item (here ESG-02, no approval record)
        assertThat(refusal).contains("Sie kann nicht veröffentlicht werden", "ESG-02:", "Es gibt keine erfasste Genehmigung")
                .doesNotContain("publication requires", "approve the qualification first", "There is no approval record");
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.APPROVED);
    }

    @Test
    void aPolishDesignerReadsTheOpenErrorsThatBlockSubmitting() {
        login("designer", "DESIGNER");
        UI.getCurrent().setLocale(POLISH);
        var doc = Documents.minimal("Cell technician");
        var unit = doc.units().get(0);
        var tooHigh = new UnitDocument(unit.id(), unit.code(), unit.title(), 7, unit.credits(), unit.hours(),
                unit.mandatory(), unit.prerequisites(), unit.deliveryModes(), unit.outcomes(), unit.workBasedLearning(),
                unit.assessments());
        String id = qualifications.create(doc.withUnits(List.of(tooHigh)), "designer").id();
        UI.getCurrent().add(review.create(new ReviewPanelTest.RecordingContext(id, qualifications)));

        _click(_get(Button.class, spec -> spec.withId("action-SUBMIT")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));

        String refusal = blocked();
        assertThat(refusal).contains("Nie można jej przekazać do przeglądu, dopóki te ustalenia są otwarte", "EQF-02:")
                .doesNotContain("Cannot submit", "error finding", "above the qualification");
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.DRAFT);
    }

    @Test
    void commentAndGovernanceEntriesOfTheAuditLogAreInTheReadersLanguage() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        var comment = comments.add(id, new CommentRequest("Too broad", "U1", null), "reviewer");
        comments.reply(id, comment.id(), "Narrowed", "designer");
        governance.update(id, new Governance(List.of(new Governance.Stakeholder(null, "Anna", null,
                Governance.StakeholderKind.LEARNER_REPRESENTATIVE)), List.of(), null, null, List.of(), List.of()), "designer");

        login("reviewer", "REVIEWER");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().add(review.create(new ReviewPanelTest.RecordingContext(id, qualifications)));
        assertThat(auditDetails()).contains("zu U1: Too broad", "Antwort: Narrowed",
                "1 Beteiligter, 0 Nachweise, 0 Indikatorwerte, 0 Maßnahmen aus der Überprüfung, nächste Überprüfung nicht festgelegt");

        UI.getCurrent().removeAll();
        UI.getCurrent().setLocale(POLISH);
        UI.getCurrent().add(review.create(new ReviewPanelTest.RecordingContext(id, qualifications)));
        assertThat(auditDetails()).contains("dotyczy U1: Too broad", "odpowiedź: Narrowed",
                "1 interesariusz, 0 dowodów, 0 wartości wskaźników, 0 działań po przeglądzie, następny przegląd nie ustalono");

        // the API keeps the English detail
        assertThat(workflow.audit(id)).extracting(AuditEntry::detail).contains("on U1: Too broad", "reply: Narrowed");
    }

    @Test
    void aGermanDesignerReadsWhyTheEvidenceRecordIsRefused() {
        login("designer", "DESIGNER");
        UI.getCurrent().setLocale(Locale.GERMAN);
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        UI.getCurrent().add(evidence.create(new ReviewPanelTest.RecordingContext(id, qualifications)));

        _setValue(_get(TextField.class, spec -> spec.withId("evidence-text")), "Bedarfsanalyse");
        _setValue(_get(TextField.class, spec -> spec.withId("evidence-link")), "kein Link");
        _click(_get(Button.class, spec -> spec.withId("evidence-add")));
        _click(_get(Button.class, spec -> spec.withId("evidence-save")));

        var errors = _find(_get(Div.class, spec -> spec.withId("evidence-errors")), Paragraph.class).stream()
                .map(Paragraph::getText).toList();
        assertThat(errors).contains("Nachweise des Qualitätszyklus 1 · Link: muss eine http(s)-Adresse sein, angegeben: „kein Link“");
        assertThat(String.join("\n", errors)).doesNotContain("must be", "required", "evidence[0]");
        assertThat(governance.governance(id).evidence()).isEmpty();
    }

    @Test
    void aPolishAdministratorReadsWhyAPasswordIsRefused() {
        login("admin", "ADMIN");
        UI.getCurrent().setLocale(POLISH);
        UI.getCurrent().navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), "nowy.projektant");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "krótkie");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> roles = _get(CheckboxGroup.class, spec -> spec.withId("user-roles"));
        _setValue(roles, Set.of("DESIGNER"));
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .anySatisfy(n -> assertThat(n.getElement().getProperty("text", ""))
                        .contains("od 8 do 200 znaków").doesNotContain("between", "password"));
    }

    @Test
    void aPolishReviewerReadsWhichRoleMaySubmitAndTheApiKeepsItsEnglish() {
        login("reviewer", "REVIEWER");
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();

        var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.RoleRefusal.class,
                () -> workflow.transition(id, new org.qualigraph.quality.TransitionRequest("IN_REVIEW", null, null),
                        "reviewer", Set.of("REVIEWER")));
        assertThat(WorkflowRefusals.inWords(refusal, POLISH))
                .isEqualTo("Tylko rola Projektant może przenieść kwalifikację ze statusu Wersja robocza do statusu "
                        + org.qualigraph.base.EnumLabels.of(QualificationStatus.IN_REVIEW, POLISH));
        assertThat(WorkflowRefusals.inWords(refusal, Locale.GERMAN)).startsWith("Nur die Rolle Gestaltung darf");
        assertThat(refusal.getMessage()).isEqualTo("Only DESIGNER may move a qualification from DRAFT to IN_REVIEW");
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.DRAFT);
    }

    @Test
    void anotherPartnersQualificationIsRefusedInTheReadersLanguageNamingTheOwner() {
        if (!accounts.exists("ulla-alpha")) {
            accounts.create("ulla-alpha", org.qualigraph.support.TestUsers.PASSWORD, Set.of("DESIGNER"), "Hochschule Alpha");
            accounts.create("vito-beta", org.qualigraph.support.TestUsers.PASSWORD, Set.of("DESIGNER"), "VET Beta");
        }
        var doc = qualifications.create(Documents.minimal("Alpha's own"), "ulla-alpha");

        var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.AccessRefusal.class,
                () -> qualifications.update(doc.id(), doc, "vito-beta"));
        assertThat(refusal.getMessage()).startsWith("Qualification \"Alpha's own\" belongs to Hochschule Alpha: only designers of");
        assertThat(org.qualigraph.base.Refusals.inWords(refusal, Locale.GERMAN)).isEqualTo("Die Qualifikation „Alpha's own“ "
                + "gehört Hochschule Alpha: nur Designer von Hochschule Alpha und die dort genannten Mitwirkenden dürfen sie "
                + "ändern; bitten Sie Hochschule Alpha, Sie als Mitwirkende oder Mitwirkenden hinzuzufügen");
        assertThat(org.qualigraph.base.Refusals.inWords(refusal, POLISH))
                .startsWith("Kwalifikacja „Alpha's own” należy do Hochschule Alpha: zmieniać ją mogą tylko projektanci z Hochschule Alpha");

        // a collaborator may change the content but not choose the collaborators
        qualifications.changeOwnership(doc.id(), null, List.of("vito-beta"), "ulla-alpha");
        var collaborators = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.AccessRefusal.class,
                () -> qualifications.changeOwnership(doc.id(), null, List.of(), "vito-beta"));
        assertThat(collaborators.getMessage()).isEqualTo("Only designers of Hochschule Alpha (or an administrator) may choose "
                + "the collaborators of qualification \"Alpha's own\"");
        assertThat(org.qualigraph.base.Refusals.inWords(collaborators, Locale.FRENCH)).isEqualTo("Seuls les concepteurs de "
                + "Hochschule Alpha (ou un administrateur) peuvent choisir les collaborateurs de la certification « Alpha's own »");
        assertThat(qualifications.get(doc.id()).collaborators()).containsExactly("vito-beta");
    }

    @Test
    void deletingAPublishedQualificationAndRevisingAnOlderRevisionAreRefusedInTheReadersLanguage() throws Exception {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        qualifications.changeStatus(id, QualificationStatus.PUBLISHED, "reviewer");

        var delete = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.ConflictException.class,
                () -> qualifications.delete(id, "designer"));
        assertThat(delete.getMessage()).isEqualTo("Qualification " + id + " is published; archive it instead of deleting it");
        String german = org.qualigraph.base.Refusals.inWords(delete, Locale.GERMAN);
        assertThat(german).isEqualTo("Die Qualifikation „Cell technician“ ist veröffentlicht: Archivieren Sie sie, statt sie zu löschen");
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(german, "Cell technician")).isTrue();

        var change = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.ConflictException.class,
                () -> qualifications.requireEditable(id));
        assertThat(change.getMessage()).isEqualTo("Qualification " + id + " is PUBLISHED and cannot change; start a new revision");
        assertThat(org.qualigraph.base.Refusals.inWords(change, POLISH))
                .isEqualTo("Kwalifikacja „Cell technician” ma status Opublikowana i nie może się już zmienić: rozpocznij nową rewizję");

        var second = qualifications.newRevision(id, "designer");
        var older = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.ConflictException.class,
                () -> qualifications.newRevision(id, "designer"));
        assertThat(older.getMessage()).isEqualTo("Qualification " + id + " already has a newer revision (" + second.id()
                + "); revise that one");
        assertThat(org.qualigraph.base.Refusals.inWords(older, POLISH)).isEqualTo("Kwalifikacja „Cell technician” ma już "
                + "nowszą rewizję (rewizja " + qualifications.edition(second.id()).revision() + "): zrewiduj tamtą");
        String olderInGerman = org.qualigraph.base.Refusals.inWords(older, Locale.GERMAN);
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(olderInGerman, "Cell technician")).as(olderInGerman).isTrue();

        var draft = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.ConflictException.class,
                () -> qualifications.newRevision(second.id(), "designer"));
        assertThat(draft.getMessage()).startsWith("Qualification " + second.id() + " is DRAFT; only a published");
        assertThat(org.qualigraph.base.Refusals.inWords(draft, Locale.FRENCH)).isEqualTo("La certification « Cell technician » "
                + "a le statut Brouillon : seule une certification publiée ou archivée reçoit une nouvelle révision "
                + "(modifiez celle-ci directement)");

        var missing = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.NotFoundException.class,
                () -> qualifications.delete("no-such-id", "designer"));
        assertThat(missing.getMessage()).isEqualTo("No qualification with id no-such-id");
        assertThat(org.qualigraph.base.Refusals.inWords(missing, Locale.GERMAN))
                .isEqualTo("Es gibt keine Qualifikation mit der Kennung no-such-id; vielleicht wurde sie inzwischen gelöscht");
        assertThat(qualifications.get(id).status()).isEqualTo(QualificationStatus.PUBLISHED);
    }

    @Test
    void aUserNameTakenTwiceAndAnAccountRemovedMeanwhileAreRefusedInTheReadersLanguage() throws Exception {
        if (!accounts.exists("ulla-alpha")) {
            accounts.create("ulla-alpha", org.qualigraph.support.TestUsers.PASSWORD, Set.of("DESIGNER"), "Hochschule Alpha");
            accounts.create("vito-beta", org.qualigraph.support.TestUsers.PASSWORD, Set.of("DESIGNER"), "VET Beta");
        }
        var taken = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.ConflictException.class,
                () -> accounts.create("ulla-alpha", org.qualigraph.support.TestUsers.PASSWORD, Set.of("DESIGNER")));
        assertThat(taken.getMessage()).isEqualTo("a user named ulla-alpha exists already");
        assertThat(org.qualigraph.base.Refusals.inWords(taken, POLISH)).isEqualTo("Użytkownik o nazwie „ulla-alpha” już istnieje");

        var gone = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.NotFoundException.class,
                () -> accounts.unlock("nobody-here"));
        assertThat(gone.getMessage()).isEqualTo("no user nobody-here");
        String german = org.qualigraph.base.Refusals.inWords(gone, Locale.GERMAN);
        assertThat(german).isEqualTo("Es gibt keinen Benutzer namens „nobody-here“; vielleicht wurde das Konto inzwischen entfernt");
        assertThat(org.qualigraph.base.GermanInterfaceViewTest.isGerman(german, "nobody-here")).isTrue();
    }

    @Test
    void theOwnerChangeOfTheAuditLogIsInTheReadersLanguageAndTheApiKeepsItsEnglish() {
        if (!accounts.exists("ulla-alpha")) {
            accounts.create("ulla-alpha", org.qualigraph.support.TestUsers.PASSWORD, Set.of("DESIGNER"), "Hochschule Alpha");
            accounts.create("vito-beta", org.qualigraph.support.TestUsers.PASSWORD, Set.of("DESIGNER"), "VET Beta");
        }
        var doc = qualifications.create(Documents.minimal("Alpha's own"), "ulla-alpha");
        qualifications.changeOwnership(doc.id(), null, List.of("vito-beta"), "ulla-alpha");
        assertThat(workflow.audit(doc.id())).extracting(AuditEntry::detail)
                .anyMatch(d -> d.startsWith("owned by Hochschule Alpha; collaborators: vito-beta ("));
        // an entry as versions before the words wrote it: the English note only, read back from its fixed form
        driver.executableQuery("""
                MATCH (q:Qualification {id: $q})
                CREATE (a:AuditEntry {qualificationId: $q, at: datetime(), user: 'admin', action: 'OWNERSHIP',
                        detail: 'owned by VET Beta; collaborators: none (1 unit, 2 outcomes)', version: 0})-[:ABOUT]->(q)
                """).withParameters(java.util.Map.of("q", doc.id())).execute();

        login("reviewer", "REVIEWER");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().add(review.create(new ReviewPanelTest.RecordingContext(doc.id(), qualifications)));
        assertThat(auditDetails()).anyMatch(d -> d.startsWith("im Besitz von Hochschule Alpha; Mitwirkende: vito-beta ("))
                .contains("im Besitz von VET Beta; Mitwirkende: keine (1 Einheit, 2 Lernergebnisse)")
                .noneMatch(d -> d.contains("owned by") || d.contains("collaborators") || d.contains("Englisch"));

        UI.getCurrent().removeAll();
        UI.getCurrent().setLocale(POLISH);
        UI.getCurrent().add(review.create(new ReviewPanelTest.RecordingContext(doc.id(), qualifications)));
        assertThat(auditDetails()).anyMatch(d -> d.startsWith("właściciel: Hochschule Alpha; współpracownicy: vito-beta ("));
    }

    @Test
    void resolvingAnotherAuthorsCommentIsRefusedInPolish() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        var comment = comments.add(id, new CommentRequest("Too broad", "U1", null), "reviewer");

        var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.AccessRefusal.class,
                () -> comments.resolve(id, comment.id(), true, "designer", Set.of("DESIGNER")));
        assertThat(refusal.getMessage()).isEqualTo("Only the author of a comment (reviewer) or a reviewer may resolve it");
        assertThat(WorkflowRefusals.inWords(refusal, POLISH)).isEqualTo("Tylko autor komentarza (reviewer) lub recenzent może go rozwiązać");
        var empty = org.assertj.core.api.Assertions.catchThrowableOfType(org.qualigraph.base.BadInputException.class,
                () -> comments.add(id, new CommentRequest(" ", "U1", null), "reviewer"));
        assertThat(WorkflowRefusals.inWords(empty, Locale.GERMAN)).isEqualTo("der Text des Kommentars ist erforderlich");
    }

    @Test
    void olderEnglishAuditEntriesAreReadAgainWhereTheirFormIsKnownAndMarkedWhereNot() {
        String id = qualifications.create(Documents.minimal("Cell technician"), "designer").id();
        // entries as versions before the audit words wrote them: the English detail only
        for (String[] entry : List.of(new String[] {"COMMENT", "on U1: Too broad"},
                new String[] {"GOVERNANCE", "1 stakeholders, 0 evidence items, 0 indicator values, 0 review actions, next review not set"},
                new String[] {"UPDATED", "Unit U1 hours: 40 → 60"})) {
            driver.executableQuery("""
                    MATCH (q:Qualification {id: $q})
                    CREATE (a:AuditEntry {qualificationId: $q, at: datetime(), user: 'reviewer', action: $action,
                            detail: $detail, version: 0})-[:ABOUT]->(q)
                    """).withParameters(java.util.Map.of("q", id, "action", entry[0], "detail", entry[1])).execute();
        }

        login("reviewer", "REVIEWER");
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().add(review.create(new ReviewPanelTest.RecordingContext(id, qualifications)));
        assertThat(auditDetails()).contains("zu U1: Too broad",
                "1 Beteiligter, 0 Nachweise, 0 Indikatorwerte, 0 Maßnahmen aus der Überprüfung, nächste Überprüfung nicht festgelegt",
                "Unit U1 hours: 40 → 60 (auf Englisch aufgezeichnet)");

        UI.getCurrent().removeAll();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().add(review.create(new ReviewPanelTest.RecordingContext(id, qualifications)));
        assertThat(auditDetails()).as("an English reader needs no mark").contains("Unit U1 hours: 40 → 60", "on U1: Too broad")
                .noneMatch(d -> d.contains("recorded in English"));
    }

    private static String blocked() {
        var div = _get(Div.class, spec -> spec.withId("review-blocked"));
        var lines = new java.util.ArrayList<String>();
        _find(div, Paragraph.class).forEach(p -> lines.add(p.getText()));
        _find(div, ListItem.class).forEach(li -> lines.add(li.getElement().getTextRecursively()));
        return String.join("\n", lines);
    }

    private static List<String> auditDetails() {
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> audit = _get(Grid.class, spec -> spec.withId("audit-log"));
        return audit.getGenericDataView().getItems().map(AuditEntry::detail).toList();
    }
}
