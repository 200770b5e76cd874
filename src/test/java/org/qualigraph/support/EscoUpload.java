package org.qualigraph.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The request an administrator's browser sends to import ESCO: {@code POST /api/imports/esco}, multipart, with the two
 * official v1.1.1 packages as the parts {@code classification} and {@code relations}. For the tests that drive a
 * packaged application over HTTP; each sends it with its own client and reads the job id from the 202 answer.
 */
public final class EscoUpload {

    public static final String CLASSIFICATION = "esco-v1.1.1-classification-en-csv.zip";
    public static final String RELATIONS = "esco-v1.1.1-relations-csv.zip";

    private EscoUpload() {
    }

    /** The upload of the packages in {@code escoDir} ({@link SharedData#requireEsco}), signed in as {@code admin}. */
    public static HttpRequest request(String baseUrl, String adminPassword, Path escoDir) throws IOException {
        return request(baseUrl, adminPassword, escoDir.resolve(CLASSIFICATION), escoDir.resolve(RELATIONS));
    }

    public static HttpRequest request(String baseUrl, String adminPassword, Path classification, Path relations)
            throws IOException {
        String boundary = "----qualigraph-esco-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        for (var part : List.of(Map.entry("classification", classification), Map.entry("relations", relations))) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                    + part.getValue().getFileName() + "\"\r\nContent-Type: application/zip\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(part.getValue()));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/imports/esco")).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }
}
