package org.qualigraph.quality.ui;

import java.util.Map;
import java.util.Set;
import org.qualigraph.base.MenuShortcut;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationFilter;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "Returned to me (n)" in the side menu of designers: their partner's qualifications (or those naming them as
 * collaborator) on which a reviewer requested changes, opening the list filtered to them, so a designer hears that
 * work came back without searching for it.
 */
@Component
@Order(10)
class ReturnedToMeShortcut implements MenuShortcut {

    private static final QualificationFilter RETURNED = new QualificationFilter(null, null, null,
            QualificationStatus.CHANGES_REQUESTED);

    private final QualificationService qualifications;

    ReturnedToMeShortcut(QualificationService qualifications) {
        this.qualifications = qualifications;
    }

    @Override
    public String id() {
        return "returned";
    }

    @Override
    public String titleKey() {
        return "review.returned.menu";
    }

    @Override
    public String path() {
        return "";
    }

    @Override
    public Map<String, String> query() {
        // the qualification list's filter (QualificationListView.REVIEW_PARAMETER / REVIEW_RETURNED)
        return Map.of("review", "returned");
    }

    @Override
    public boolean visibleTo(Set<String> roles) {
        return roles.contains(Roles.DESIGNER);
    }

    @Override
    public long count(String user) {
        return qualifications.count(qualifications.ours(RETURNED, user));
    }
}
