package org.qualigraph.quality.ui;

import java.util.Map;
import java.util.Set;
import org.qualigraph.base.MenuShortcut;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationFilter;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.springframework.stereotype.Component;

/**
 * "Waiting for my review (n)" in the side menu of reviewers: the qualifications in review, opening the list filtered
 * to them, so a reviewer sees there is work without searching for it.
 */
@Component
class ReviewQueueShortcut implements MenuShortcut {

    private static final QualificationFilter IN_REVIEW = new QualificationFilter(null, null, null, QualificationStatus.IN_REVIEW);

    private final QualificationService qualifications;

    ReviewQueueShortcut(QualificationService qualifications) {
        this.qualifications = qualifications;
    }

    @Override
    public String id() {
        return "review-queue";
    }

    @Override
    public String titleKey() {
        return "review.queue.menu";
    }

    @Override
    public String path() {
        return "";
    }

    @Override
    public Map<String, String> query() {
        // the qualification list's filter (QualificationListView.REVIEW_PARAMETER / REVIEW_WAITING)
        return Map.of("review", "waiting");
    }

    @Override
    public boolean visibleTo(Set<String> roles) {
        return roles.contains(Roles.REVIEWER);
    }

    @Override
    public long count(String user) {
        return qualifications.count(IN_REVIEW);
    }
}
