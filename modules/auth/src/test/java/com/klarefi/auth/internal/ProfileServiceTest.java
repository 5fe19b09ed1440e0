package com.klarefi.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.auth.api.Organisations;
import com.klarefi.platform.http.ApiException;
import org.junit.jupiter.api.Test;

/** What an organisation may show its applicants: real web addresses and real images only. */
class ProfileServiceTest {
    @Test
    void aPrivacyNoteIsAnAbsoluteWebAddress() {
        assertThat(ProfileService.webAddress(" https://acme.example/privacy "))
                .hasValue("https://acme.example/privacy");
        assertThat(ProfileService.webAddress("")).isEmpty();
        for (String refused : new String[] {
            "javascript:alert(1)",
            "acme.example/privacy",
            "ftp://acme.example/p",
            "https://user:pass@acme.example/",
            "https://"
        }) {
            assertThatThrownBy(() -> ProfileService.webAddress(refused))
                    .as(refused)
                    .isInstanceOfSatisfying(
                            ApiException.class,
                            error -> assertThat(error.details()).containsEntry("param", "privacy_url"));
        }
    }

    @Test
    void aLogoIsAPngOrJpegByItsContentAndNotTooLarge() {
        assertThat(ProfileService.mediaType(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .isEqualTo("image/png");
        assertThat(ProfileService.mediaType(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}))
                .isEqualTo("image/jpeg");
        assertThatThrownBy(() -> ProfileService.mediaType("<svg onload=alert(1)>".getBytes()))
                .hasMessageContaining("PNG or JPEG");
        byte[] huge = new byte[Organisations.MAX_LOGO_BYTES + 1];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        huge[2] = (byte) 0xff;
        assertThatThrownBy(() -> ProfileService.mediaType(huge)).hasMessageContaining("larger than 256 KB");
        assertThatThrownBy(() -> ProfileService.mediaType(new byte[0]))
                .isInstanceOfSatisfying(
                        ApiException.class, error -> assertThat(error.code()).isEqualTo("invalid_logo"));
    }
}
