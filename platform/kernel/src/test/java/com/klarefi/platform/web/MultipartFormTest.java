package com.klarefi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    @Test
    void fieldsAndFilesAreReadWithBinaryContentIntact() {
        byte[] binary = {'%', 'P', 'D', 'F', '\r', '\n', '-', '-', 0, (byte) 0xFF, '\r', '\n'};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        text(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n");
        text(
                body,
                "--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\jan\\\\scan 1.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n");
        body.writeBytes(binary);
        text(body, "\r\n--" + BOUNDARY + "--\r\n");

        List<MultipartForm.Part> parts = MultipartForm.parse(body.toByteArray(), BOUNDARY);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("csrf");
        assertThat(parts.get(0).filename()).isEmpty();
        assertThat(parts.get(0).text()).isEqualTo("abc");
        assertThat(parts.get(1).filename()).contains("scan 1.pdf");
        assertThat(parts.get(1).content()).isEqualTo(binary);
    }

    @Test
    void theBoundaryComesFromTheContentType() {
        assertThat(MultipartForm.boundary("multipart/form-data; boundary=" + BOUNDARY))
                .contains(BOUNDARY);
        assertThat(MultipartForm.boundary("multipart/form-data; boundary=\"a b\""))
                .contains("a b");
        assertThat(MultipartForm.boundary("application/json")).isEmpty();
        assertThat(MultipartForm.boundary(null)).isEmpty();
    }

    @Test
    void anUnclosedPartIsMalformed() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MultipartForm.parse(body, BOUNDARY))
                .isInstanceOf(MultipartForm.MalformedException.class);
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
