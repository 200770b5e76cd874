package org.qualigraph.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.support.Documents;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The paths of a document read's check ({@code QualificationStore#readOnce}): one statement when the copy verifies
 * against the hashes stored with its versions, also after a status change; the versions read first when the
 * qualification has no hash of its version; a copy that never verifies labelled older, so that a save of it is
 * refused. {@link ConsistentReadTest} races reads against saves.
 */
class ReadCheckTest extends IntegrationTest {

    @Autowired
    QualificationService qualifications;
    @Autowired
    ObjectMapper json;

    private static <T> T counted(long[] statements, Supplier<T> call) {
        long before = Graph.statementsOnThisThread();
        T result = call.get();
        statements[0] = Graph.statementsOnThisThread() - before;
        return result;
    }

    @Test
    void aSavedQualificationIsReadInOneStatementAlsoAfterAStatusChange() {
        var created = qualifications.create(Documents.generated("Read check, saved", 3, 4), TestUsers.DESIGNER);
        var saved = qualifications.update(created.id(), created.withTitle(Map.of("en", "Read check, renamed")), TestUsers.DESIGNER);
        long[] statements = {0};
        assertThat(counted(statements, () -> qualifications.get(created.id()))).isEqualTo(saved);
        assertThat(statements[0]).as("a read of a saved qualification").isEqualTo(1);

        qualifications.changeStatus(created.id(), QualificationStatus.IN_REVIEW, TestUsers.DESIGNER);
        var read = counted(statements, () -> qualifications.get(created.id()));
        assertThat(read.version()).isEqualTo(saved.version() + 1);
        assertThat(read.status()).isEqualTo(QualificationStatus.IN_REVIEW);
        assertThat(statements[0]).as("a read after a status change, which carries the hash to the new version").isEqualTo(1);
    }

    @Test
    void theDemoInThreeLanguagesWithOccupationsAndSkillsVerifies() {
        var created = qualifications.create(Documents.demo(json), TestUsers.DESIGNER);
        long[] statements = {0};
        assertThat(counted(statements, () -> qualifications.get(created.id()))).isEqualTo(created);
        assertThat(statements[0]).as("a read of the demo: every part hashes as it was written").isEqualTo(1);
    }

    @Test
    void aQualificationWithoutAHashOfItsVersionIsReadWithTheVersionsFirst() {
        var created = qualifications.create(Documents.generated("Read check, no hash", 2, 3), TestUsers.DESIGNER);
        graph.query("MATCH (q:Qualification {id: $id}) REMOVE q.shapeHash").bind(created.id()).to("id").run();
        long[] statements = {0};
        assertThat(counted(statements, () -> qualifications.get(created.id()))).isEqualTo(created);
        assertThat(statements[0]).as("the projection, found without a hash; then the versions and the projection").isEqualTo(3);

        // the next save stores the hash again
        var saved = qualifications.update(created.id(), created.withTitle(Map.of("en", "Read check, hashed again")), TestUsers.DESIGNER);
        assertThat(counted(statements, () -> qualifications.get(created.id()))).isEqualTo(saved);
        assertThat(statements[0]).isEqualTo(1);
    }

    @Test
    void aCopyThatNeverVerifiesIsLabelledOlderSoThatItsSaveIsRefused() {
        var created = qualifications.create(Documents.generated("Read check, odd hash", 2, 3), TestUsers.DESIGNER);
        var unit = created.units().get(1);
        // as if every read caught a commit half applied: the stored hashes no longer match what is read
        graph.query("MATCH (u:Unit {id: $id}) SET u.contentHashes = [toString(u.version) + ':0123456789abcdef']")
                .bind(unit.id()).to("id").run();
        graph.query("MATCH (q:Qualification {id: $id}) SET q.shapeHash = toString(q.version) + ':0123456789abcdef'")
                .bind(created.id()).to("id").run();
        long[] statements = {0};
        var read = counted(statements, () -> qualifications.get(created.id()));
        assertThat(statements[0]).as("read until the attempts ran out").isEqualTo(4);
        assertThat(read.version()).as("the qualification's part, labelled one version older").isEqualTo(created.version() - 1);
        assertThat(read.units()).extracting(UnitDocument::version).as("only the unit that did not verify").isEqualTo(List.of(0L, -1L));
        assertThat(read.withIdentity(created.id(), created.version(), created.status(), created.derivedFrom())
                .withUnits(created.units())).isEqualTo(created);

        var edited = read.withTitle(Map.of("en", "Read check, saved from a copy that did not verify"));
        assertThatThrownBy(() -> qualifications.update(created.id(), edited, TestUsers.DESIGNER))
                .isInstanceOf(org.qualigraph.base.ConflictException.class);
        assertThat(qualifications.get(created.id()).title()).isEqualTo(created.title());
    }
}
