package org.qualigraph.exchange.elm;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.qualigraph.support.IntegrationTest;
import org.qualigraph.support.SharedData;
import org.qualigraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The upload endpoint of the Europass schemas: administrators only, the official release accepted, the state readable. */
class ElmSchemaApiTest extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anAdministratorUploadsTheOfficialRelease() throws Exception {
        byte[] release = zip(SharedData.requireElm());
        mvc.perform(multipart("/api/imports/elm-schemas").file(new MockMultipartFile("release", "elm.zip", "application/zip", release))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic("admin")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.loaded").value(true));
        mvc.perform(multipart("/api/imports/elm-schemas").file(new MockMultipartFile("release", "elm.zip", "application/zip", release))
                        .header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/elm-schemas").header(HttpHeaders.AUTHORIZATION, TestUsers.basic(TestUsers.DESIGNER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.loaded").value(true))
                .andExpect(jsonPath("$.fromSetting").value(true));
    }

    private static byte[] zip(Path folder) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
