package com.klarefi.intake.internal.page;

import static com.klarefi.platform.web.HtmlText.escape;

import com.klarefi.extraction.api.FeatureDefinition;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.intake.internal.sessions.Corrections;
import java.util.List;
import java.util.Locale;

/** Renders the applicant's page: what is needed, the upload, the documents' progress and the values. */
final class PageView {
    static final String STYLESHEET = "/s/assets/intake.css";
    static final String SCRIPT = "/s/assets/intake.js";
    /** The form field that repeats the page's CSRF value. */
    static final String CSRF_FIELD = "csrf";

    private PageView() {}

    static String render(PageModel model) {
        PageTexts texts = PageTexts.of(model.session().locale());
        StringBuilder html = new StringBuilder(8192);
        html.append(head(texts, texts.get("title"), true));
        html.append("<main id=\"intake\" data-status-url=\"")
                .append(escape(model.path("/status")))
                .append("\" data-upload-url=\"")
                .append(escape(model.path("/documents")))
                .append("\" data-reading=\"")
                .append(model.reading())
                .append("\">");
        OrganisationBanner.header(html, texts, model);
        html.append("<h1>")
                .append(escape(texts.get("title")))
                .append("</h1><p class=\"case-type\">")
                .append(escape(model.caseType().name(texts.locale())))
                .append("</p><p>")
                .append(escape(texts.get("intro")))
                .append("</p>");
        needed(html, texts, model);
        upload(html, texts, model);
        documents(html, texts, model);
        values(html, texts, model);
        finish(html, texts, model);
        html.append("</main>");
        OrganisationBanner.footer(html, texts, model);
        return html.append("</body></html>").toString();
    }

    /** The document head; pages with {@code script} load the page's one script file. */
    static String head(PageTexts texts, String title, boolean script) {
        return "<!doctype html><html lang=\"" + texts.locale() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><link rel=\"stylesheet\" href=\"" + STYLESHEET + "\">"
                + (script ? "<script src=\"" + SCRIPT + "\" defer></script>" : "") + "</head><body>";
    }

    private static void needed(StringBuilder html, PageTexts texts, PageModel model) {
        html.append("<section aria-labelledby=\"needed-title\"><h2 id=\"needed-title\">")
                .append(escape(texts.get("needed")))
                .append("</h2><ul class=\"needed\">");
        for (FeatureDefinition feature : model.caseType().features()) {
            html.append("<li>").append(escape(label(feature, texts.locale())));
            if (feature.required()) {
                html.append(" <span class=\"required\">(")
                        .append(escape(texts.get("required")))
                        .append(")</span>");
            }
            html.append("</li>");
        }
        html.append("</ul></section>");
    }

    private static void upload(StringBuilder html, PageTexts texts, PageModel model) {
        html.append("<section aria-labelledby=\"upload-title\"><h2 id=\"upload-title\">")
                .append(escape(texts.get("upload")))
                .append("</h2><form id=\"upload-form\" method=\"post\" enctype=\"multipart/form-data\" action=\"")
                .append(escape(model.path("/documents")))
                .append("\">")
                .append(csrfField(model))
                .append("<div id=\"drop-zone\" class=\"drop-zone\"><p>")
                .append(escape(texts.get("upload.drop")))
                .append("</p>")
                .append("<label class=\"button\" for=\"files\">")
                .append(escape(texts.get("upload.choose")))
                .append("</label>")
                .append("<input id=\"files\" name=\"file\" type=\"file\" multiple accept=\"")
                .append(
                        ".pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,.eml,application/pdf,image/*,text/plain,message/rfc822\">")
                .append("<label class=\"button\" for=\"camera\">")
                .append(escape(texts.get("upload.camera")))
                .append("</label>")
                .append("<input id=\"camera\" name=\"file\" type=\"file\" accept=\"image/*\" capture=\"environment\">")
                .append("<p class=\"hint\">")
                .append(escape(String.format(texts.get("upload.hint"), model.maxMegabytes())))
                .append("</p></div>")
                .append("<button id=\"upload-submit\" type=\"submit\">")
                .append(escape(texts.get("upload.submit")))
                .append("</button>")
                .append("<progress id=\"upload-progress\" max=\"100\" value=\"0\" hidden></progress>")
                .append("<p id=\"upload-message\" role=\"status\" aria-live=\"polite\" data-busy=\"")
                .append(escape(texts.get("upload.busy")))
                .append("\" data-done=\"")
                .append(escape(texts.get("upload.done")))
                .append("\" data-failed=\"")
                .append(escape(texts.get("upload.failed")))
                .append("\" data-none=\"")
                .append(escape(texts.get("upload.none")))
                .append("\"></p></form></section>");
    }

    private static void documents(StringBuilder html, PageTexts texts, PageModel model) {
        html.append("<section aria-labelledby=\"documents-title\"><h2 id=\"documents-title\">")
                .append(escape(texts.get("documents")))
                .append("</h2><ul id=\"documents\" aria-live=\"polite\">");
        if (model.documents().isEmpty()) {
            html.append("<li class=\"empty\">")
                    .append(escape(texts.get("documents.none")))
                    .append("</li>");
        }
        for (PageModel.UploadedDocument document : model.documents()) {
            html.append("<li data-doc-id=\"")
                    .append(escape(document.docId()))
                    .append("\" data-status=\"")
                    .append(escape(document.status()))
                    .append("\"><span class=\"filename\">")
                    .append(escape(document.filename()))
                    .append("</span> <span class=\"status\">")
                    .append(escape(texts.status(document.status())))
                    .append("</span></li>");
        }
        html.append("</ul></section>");
    }

    private static void values(StringBuilder html, PageTexts texts, PageModel model) {
        html.append("<section aria-labelledby=\"values-title\"><h2 id=\"values-title\">")
                .append(escape(texts.get("values")))
                .append("</h2>");
        notice(html, model, "values");
        if (model.reading() || !model.anyRead()) {
            html.append("<p id=\"values-waiting\">")
                    .append(escape(texts.get("values.waiting")))
                    .append("</p>");
        }
        if (!model.showsValues()) {
            html.append("</section>");
            return;
        }
        html.append("<p>")
                .append(escape(texts.get("values.intro")))
                .append("</p><form id=\"values-form\" method=\"post\" action=\"")
                .append(escape(model.path("/statements")))
                .append("#values-title\">")
                .append(csrfField(model));
        for (Corrections.FeatureValue value : model.values()) {
            field(html, texts, model, value);
        }
        html.append("<button id=\"values-submit\" type=\"submit\">")
                .append(escape(texts.get("values.save")))
                .append("</button></form></section>");
    }

    private static void field(StringBuilder html, PageTexts texts, PageModel model, Corrections.FeatureValue value) {
        String id = value.feature().id();
        boolean unreadable = model.unreadable().contains(id);
        String shown = model.typed().getOrDefault(id, value.shown());
        String source = value.source().name().toLowerCase(Locale.ROOT);
        html.append("<div class=\"field source-")
                .append(source)
                .append(unreadable ? " invalid" : "")
                .append("\"><label for=\"value-")
                .append(escape(id))
                .append("\">")
                .append(escape(label(value.feature(), texts.locale())))
                .append("</label>")
                .append("<input id=\"value-")
                .append(escape(id))
                .append("\" name=\"value.")
                .append(escape(id))
                .append("\" value=\"")
                .append(escape(shown))
                .append("\"")
                .append(inputKind(value.feature().type()))
                .append(value.correctable() ? "" : " readonly")
                .append(" aria-describedby=\"source-")
                .append(escape(id))
                .append("\"")
                .append(unreadable ? " aria-invalid=\"true\"" : "")
                .append(">")
                .append("<small id=\"source-")
                .append(escape(id))
                .append("\">")
                .append(escape(unreadable ? texts.get("values.unreadable") : texts.get("values.source." + source)))
                .append("</small></div>");
    }

    /**
     * The input's type and autocomplete: phones get a phone keyboard, e-mail addresses an e-mail
     * one, and what a browser may know about the applicant (name, postcode, country) may be
     * filled in; values about the event itself are not the browser's to suggest.
     */
    static String inputKind(FeatureType type) {
        return switch (type) {
            case EMAIL -> " type=\"email\" autocomplete=\"email\" spellcheck=\"false\"";
            case PHONE -> " type=\"tel\" autocomplete=\"tel\"";
            case PERSON_NAME -> " type=\"text\" autocomplete=\"name\"";
            case POSTCODE -> " type=\"text\" autocomplete=\"postal-code\"";
            case COUNTRY -> " type=\"text\" autocomplete=\"country-name\"";
            case IBAN, LICENSE_PLATE, IDENTIFIER, KVK ->
                " type=\"text\" autocomplete=\"off\" spellcheck=\"false\" autocapitalize=\"characters\"";
            default -> " type=\"text\" autocomplete=\"off\"";
        };
    }

    private static void finish(StringBuilder html, PageTexts texts, PageModel model) {
        html.append("<section aria-labelledby=\"finish-title\"><h2 id=\"finish-title\">")
                .append(escape(texts.get("finish")))
                .append("</h2>");
        notice(html, model, "finish");
        html.append("<p>")
                .append(escape(texts.get("finish.hint")))
                .append("</p><form id=\"finish-form\" method=\"post\" action=\"")
                .append(escape(model.path("/complete")))
                .append("\">")
                .append(csrfField(model));
        if (!model.anyRead()) {
            html.append(
                            "<div class=\"choice\"><input id=\"no-documents\" name=\"no_documents\" type=\"checkbox\" value=\"yes\">")
                    .append("<label for=\"no-documents\">")
                    .append(escape(texts.get("finish.no_documents")))
                    .append("</label></div>");
        }
        html.append("<button id=\"finish-submit\" type=\"submit\">")
                .append(escape(texts.get("finish.submit")))
                .append("</button></form></section>");
    }

    /** The notice meant for this section, right under its heading and announced when it appears. */
    private static void notice(StringBuilder html, PageModel model, String section) {
        model.notice()
                .filter(notice -> notice.section().equals(section))
                .ifPresent(notice -> html.append("<p id=\"")
                        .append(section)
                        .append("-notice\" class=\"notice")
                        .append(notice.problem() ? " problem" : "")
                        .append("\" role=\"")
                        .append(notice.problem() ? "alert" : "status")
                        .append("\" aria-live=\"")
                        .append(notice.problem() ? "assertive" : "polite")
                        .append("\">")
                        .append(escape(notice.text()))
                        .append("</p>"));
    }

    private static String csrfField(PageModel model) {
        return "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + escape(model.csrf()) + "\">";
    }

    /** The feature's first label in the page's language, else in English, else its id in words. */
    static String label(FeatureDefinition feature, String locale) {
        List<String> labels =
                feature.labels().getOrDefault(locale, feature.labels().getOrDefault("en", List.of()));
        if (!labels.isEmpty()) {
            return labels.getFirst();
        }
        String words = feature.id().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
