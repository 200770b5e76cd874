package org.qualigraph.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qualigraph.base.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/jobs/{id}}: the state of a background job as the contract answers it. */
@RestController
@RequestMapping("/api/jobs")
class JobController {

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> job(@PathVariable String id) {
        JobStatus status = jobs.status(id).orElseThrow(() -> new NotFoundException("job " + id + " is unknown"));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("state", status.state().name());
        answer.put("progress", status.progress());
        answer.put("counts", status.counts());
        answer.put("error", status.error());
        return answer;
    }
}
