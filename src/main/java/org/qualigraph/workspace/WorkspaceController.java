package org.qualigraph.workspace;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Workspace backup and restore for administrators. */
@RestController
@RequestMapping("/api/admin/workspace")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class WorkspaceController {

    private final WorkspaceService workspace;

    WorkspaceController(WorkspaceService workspace) {
        this.workspace = workspace;
    }

    @GetMapping
    @Operation(summary = "Export the whole workspace (without accounts and passwords) as JSON")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"qualigraph-workspace-" + LocalDate.now() + ".json\"");
        workspace.export(response.getOutputStream());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a workspace file into an empty instance")
    Map<String, Long> importWorkspace(HttpServletRequest request) throws IOException {
        return workspace.importInto(request.getInputStream());
    }
}
