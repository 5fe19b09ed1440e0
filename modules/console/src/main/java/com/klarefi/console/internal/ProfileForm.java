package com.klarefi.console.internal;

import com.klarefi.auth.api.OperatorSession;
import com.klarefi.auth.api.OrganisationLogo;
import com.klarefi.auth.api.OrganisationProfile;
import com.klarefi.auth.api.Organisations;
import com.klarefi.platform.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;

/**
 * What applicants see of an organisation on the intake page: the form that sets it (keeping what
 * was typed, with a refused value's problem beside its field), saving it, and the stored logo.
 */
final class ProfileForm {
    /** The form's fields, by the name the auth module gives a refused value. */
    private static final Map<String, String> FIELDS = Map.of(
            "display_name",
            "display_name",
            "privacy_url",
            "privacy_url",
            "help_contact",
            "help_contact",
            "logo",
            "logo");

    private ProfileForm() {}

    static String render(
            OperatorSession session,
            String orgPath,
            OrganisationProfile profile,
            Optional<Form> sent,
            Optional<ApiException> problem) {
        FieldErrors errors = new FieldErrors(problem, FIELDS);
        String logo = profile.hasLogo()
                ? "<p><img class=\"logo\" src=\"" + orgPath + "/logo\" alt=\"Logo of " + Html.text(profile.shownName())
                        + "\"></p>"
                        + "<div class=\"check\"><input type=\"checkbox\" id=\"remove_logo\" name=\"remove_logo\" value=\"yes\">"
                        + "<label for=\"remove_logo\">Remove the logo</label></div>"
                : "<p class=\"muted\">No logo yet.</p>";
        return "<h2 id=\"profile\">What applicants see</h2><p class=\"muted\">Shown on the intake page, where applicants upload "
                + "their documents.</p><form method=\"post\" action=\"" + orgPath
                + "/profile#profile\" class=\"stacked\" "
                + "enctype=\"multipart/form-data\">" + Layout.csrfField(session) + errors.unplaced()
                + field(
                        errors,
                        "display_name",
                        "Display name",
                        "text",
                        " maxlength=\"200\" autocomplete=\"organization\"",
                        value(sent, "display_name", profile.displayName()))
                + field(
                        errors,
                        "privacy_url",
                        "Privacy note (web address)",
                        "url",
                        " placeholder=\"https://\"",
                        value(sent, "privacy_url", profile.privacyUrl()))
                + field(
                        errors,
                        "help_contact",
                        "Help contact (e-mail address, phone number or both)",
                        "text",
                        " maxlength=\"200\"",
                        value(sent, "help_contact", profile.helpContact()))
                + logo + "<label for=\"logo\">New logo (PNG or JPEG, at most " + Organisations.MAX_LOGO_BYTES / 1024
                + " KB)</label>"
                + "<input id=\"logo\" name=\"logo\" type=\"file\" accept=\"image/png,image/jpeg\""
                + errors.attributes("logo") + ">"
                + errors.beside("logo") + "<button type=\"submit\">Save what applicants see</button></form>";
    }

    /** Saves the texts, then the logo, so a refused logo leaves the texts saved and says so beside the file field. */
    static void save(Organisations organisations, String orgId, Form form) {
        organisations.updateProfile(orgId, form.raw("display_name"), form.raw("privacy_url"), form.raw("help_contact"));
        if (form.file("logo").isPresent()) {
            organisations.putLogo(orgId, form.file("logo").get());
        } else if (form.value("remove_logo").isPresent()) {
            organisations.removeLogo(orgId);
        }
    }

    static void sendLogo(ServerResponse response, OrganisationLogo logo) {
        response.header(HeaderNames.CONTENT_TYPE, logo.mediaType());
        response.header(HeaderNames.CACHE_CONTROL, "private, no-cache");
        response.header("X-Content-Type-Options", "nosniff");
        response.send(logo.content());
    }

    private static String field(
            FieldErrors errors, String name, String label, String type, String attributes, String value) {
        return "<label for=\"" + name + "\">" + Html.text(label) + "</label><input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\"" + attributes + " value=\"" + Html.text(value) + "\""
                + errors.attributes(name) + ">"
                + errors.beside(name);
    }

    private static String value(Optional<Form> sent, String name, Optional<String> stored) {
        return sent.map(form -> form.raw(name)).orElse(stored.orElse(""));
    }
}
