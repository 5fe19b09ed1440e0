package com.klarefi.intake.internal.page;

import static com.klarefi.platform.web.HtmlText.escape;

import com.klarefi.auth.api.OrganisationProfile;
import java.util.regex.Pattern;

/**
 * Who asks for the documents, so the applicant can trust the page before giving an IBAN: the
 * organisation's logo and name above, its privacy note and help contact below. A page of an
 * organisation that set none of these shows nothing extra.
 */
final class OrganisationBanner {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{5,}[0-9]");

    private OrganisationBanner() {}

    static void header(StringBuilder html, PageTexts texts, PageModel model) {
        model.organisation().ifPresent(organisation -> {
            html.append("<header class=\"organisation\">");
            if (organisation.hasLogo()) {
                html.append("<img src=\"")
                        .append(escape(model.path("/logo")))
                        .append("\" alt=\"")
                        .append(escape(String.format(texts.get("organisation.logo"), organisation.shownName())))
                        .append("\">");
            }
            html.append("<p>")
                    .append(escape(String.format(texts.get("organisation.asks"), organisation.shownName())))
                    .append("</p></header>");
        });
    }

    static void footer(StringBuilder html, PageTexts texts, PageModel model) {
        if (model.organisation().isEmpty()) {
            return;
        }
        OrganisationProfile organisation = model.organisation().get();
        if (organisation.privacyUrl().isEmpty() && organisation.helpContact().isEmpty()) {
            return;
        }
        html.append("<footer class=\"organisation\">");
        organisation
                .privacyUrl()
                .ifPresent(url -> html.append("<p><a href=\"")
                        .append(escape(url))
                        .append("\" rel=\"noopener noreferrer\" target=\"_blank\">")
                        .append(escape(String.format(texts.get("organisation.privacy"), organisation.shownName())))
                        .append("</a></p>"));
        organisation
                .helpContact()
                .ifPresent(contact -> html.append("<p>")
                        .append(escape(String.format(texts.get("organisation.help"), organisation.shownName())))
                        .append(' ')
                        .append(contact(contact))
                        .append("</p>"));
        html.append("</footer>");
    }

    /** An e-mail address or phone number as a link the phone can act on; anything else as text. */
    static String contact(String contact) {
        if (EMAIL.matcher(contact).matches()) {
            return "<a href=\"mailto:" + escape(contact) + "\">" + escape(contact) + "</a>";
        }
        if (PHONE.matcher(contact).matches()) {
            return "<a href=\"tel:" + escape(contact.replaceAll("[^+0-9]", "")) + "\">" + escape(contact) + "</a>";
        }
        return escape(contact);
    }
}
