package com.klarefi.app.intake;

import static com.klarefi.app.intake.Submissions.outcome;
import static com.klarefi.app.intake.Submissions.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.klarefi.testing.DocumentServer;
import com.klarefi.testing.HttpTestClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents submitted together with ordinary ones through the API: each hostile one fails
 * with a clean failure code, and the ordinary ones beside them are processed as usual. The reader's
 * own tests cover every kind of bomb; this one proves the failures reach the case and harm no
 * other job.
 */
class HostileDocumentsApiTest {
    @Test
    void hostileDocumentsFailCleanlyWhileOrdinaryOnesBesideThemAreProcessed(@TempDir Path dataDirectory)
            throws Exception {
        try (ApiInstance instance =
                ApiInstance.start(dataDirectory, Map.of("KLAREFI_FETCH_ALLOWED_CIDRS", "127.0.0.0/8"))) {
            HttpTestClient api = instance.newOrganisation("Hostile").test();
            DocumentServer documents = instance.documents();
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(submit(api, documents.put("pages.pdf", tenThousandPages(), "application/pdf")), "too_large");
            expected.put(
                    submit(api, documents.put("pixels.png", pngClaiming(60_000, 60_000), "image/png")), "too_large");
            expected.put(submit(api, documents.put("broken.jpg", corruptJpeg(), "image/jpeg")), "document_unreadable");
            for (int index = 0; index < 3; index++) {
                byte[] text = ("Schadeformulier " + index + "\nDatum: 3 februari 2023\n")
                        .repeat(3)
                        .getBytes(StandardCharsets.UTF_8);
                expected.put(submit(api, documents.put("ordinary-" + index + ".txt", text, "text/plain")), "processed");
            }

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> expected.keySet().stream()
                            .allMatch(caseId -> !outcome(api, caseId).equals("queued")
                                    && !outcome(api, caseId).equals("processing")));

            expected.forEach((caseId, outcome) ->
                    assertThat(outcome(api, caseId)).as("case %s", caseId).isEqualTo(outcome));
        }
    }

    /** Ten thousand text pages sharing one content stream: a small file, far above the page limit. */
    private static byte[] tenThousandPages() throws Exception {
        return TextPdfs.pagesShowing("Een pagina van tienduizend", 10_000);
    }

    /** A PNG header claiming a huge image, followed by nothing: a decompression bomb's announcement. */
    private static byte[] pngClaiming(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.putInt(13)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(png.array(), 12, 17);
        png.putInt((int) crc.getValue());
        return png.array();
    }

    private static byte[] corruptJpeg() {
        byte[] jpeg = new byte[2048];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        for (int index = 3; index < jpeg.length; index++) {
            jpeg[index] = (byte) (index * 31);
        }
        return jpeg;
    }
}
