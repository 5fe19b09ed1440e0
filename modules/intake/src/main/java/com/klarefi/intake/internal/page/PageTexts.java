package com.klarefi.intake.internal.page;

import java.util.Map;

/** Everything the applicant reads, in Dutch and English; the session's locale picks one. */
final class PageTexts {
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Your documents for this request"),
            Map.entry("organisation.logo", "Logo of %s"),
            Map.entry("organisation.asks", "%s asks for your documents."),
            Map.entry("organisation.privacy", "How %s handles your data"),
            Map.entry("organisation.help", "Questions? Contact %s:"),
            Map.entry(
                    "intro",
                    "Upload the documents for your request. We take the details from them automatically; then you check what we found."),
            Map.entry("needed", "What we need"),
            Map.entry("required", "required"),
            Map.entry("upload", "Upload documents"),
            Map.entry("upload.hint", "PDF, photo or scan (JPEG, PNG, TIFF), text or e-mail, at most %s MB each."),
            Map.entry("upload.drop", "Drag files here, or"),
            Map.entry("upload.choose", "Choose files"),
            Map.entry("upload.camera", "Take a photo"),
            Map.entry("upload.submit", "Upload"),
            Map.entry("upload.busy", "Uploading…"),
            Map.entry("upload.done", "Uploaded. We are reading your documents."),
            Map.entry("upload.failed", "The upload did not succeed. Try again."),
            Map.entry("upload.none", "Choose at least one file."),
            Map.entry("documents", "Your documents"),
            Map.entry("documents.none", "No documents yet."),
            Map.entry("status.queued", "Waiting to be read"),
            Map.entry("status.processing", "Being read…"),
            Map.entry("status.processed", "Read"),
            Map.entry("status.failed", "Could not be read"),
            Map.entry("refused.too_large", "This file is too large."),
            Map.entry(
                    "refused.unsupported_media_type", "We cannot read this kind of file. Use PDF, a photo or a scan."),
            Map.entry("values", "What we found"),
            Map.entry(
                    "values.intro", "Check the values. Correct what is wrong; we keep what the documents say as well."),
            Map.entry(
                    "values.waiting", "We are still reading your documents. The values appear here when we are done."),
            Map.entry("values.source.document", "from your documents"),
            Map.entry("values.source.review", "from your documents, please check: we are not sure we read this right"),
            Map.entry("values.source.absent", "you stated there is none"),
            Map.entry("values.source.applicant", "as you stated"),
            Map.entry("values.source.missing", "not found"),
            Map.entry("values.unreadable", "We could not read this. Check the value and try again."),
            Map.entry("values.save", "Save corrections"),
            Map.entry("values.saved", "Your corrections were saved."),
            Map.entry("values.partly", "We could not read the marked value. Your other corrections were saved."),
            Map.entry("values.none_saved", "We could not read the marked value. Nothing was saved."),
            Map.entry("finish", "Finish"),
            Map.entry("finish.hint", "When everything is correct, finish. You are then taken back."),
            Map.entry("finish.submit", "Finish and continue"),
            Map.entry("finish.no_documents", "I have no documents for this request"),
            Map.entry(
                    "finish.needs_document",
                    "We have not read any document of yours yet. Upload a document and wait until it is read, or tick “I have no documents for this request”."),
            Map.entry("back", "Back to the page"),
            Map.entry("done.title", "Thank you"),
            Map.entry("done.text", "Your documents have been received. You can close this page."),
            Map.entry("done_without_documents.title", "Thank you"),
            Map.entry(
                    "done_without_documents.text",
                    "Your request has been received without documents. You can close this page."),
            Map.entry("refused.expired.title", "This link has expired"),
            Map.entry(
                    "refused.expired.text",
                    "This link is no longer valid. Ask the organisation that sent it for a new one."),
            Map.entry("refused.ended.title", "This request is closed"),
            Map.entry(
                    "refused.ended.text",
                    "This request has already been finished or cancelled. Ask the organisation that sent it for a new link if you need one."),
            Map.entry("refused.invalid.title", "This link is not valid"),
            Map.entry(
                    "refused.invalid.text",
                    "The link is incomplete or has been changed. Open the link exactly as you received it."),
            Map.entry("refused.form.title", "Please try again"),
            Map.entry(
                    "refused.form.text",
                    "Your form could not be accepted. Go back to the page, reload it, and try again."));

    private static final Map<String, String> NL = Map.ofEntries(
            Map.entry("title", "Uw documenten voor deze aanvraag"),
            Map.entry("organisation.logo", "Logo van %s"),
            Map.entry("organisation.asks", "%s vraagt om uw documenten."),
            Map.entry("organisation.privacy", "Hoe %s met uw gegevens omgaat"),
            Map.entry("organisation.help", "Vragen? Neem contact op met %s:"),
            Map.entry(
                    "intro",
                    "Upload de documenten voor uw aanvraag. Wij halen de gegevens er automatisch uit; daarna controleert u wat we vonden."),
            Map.entry("needed", "Wat we nodig hebben"),
            Map.entry("required", "verplicht"),
            Map.entry("upload", "Documenten uploaden"),
            Map.entry("upload.hint", "PDF, foto of scan (JPEG, PNG, TIFF), tekst of e-mail, elk hoogstens %s MB."),
            Map.entry("upload.drop", "Sleep bestanden hierheen, of"),
            Map.entry("upload.choose", "Kies bestanden"),
            Map.entry("upload.camera", "Maak een foto"),
            Map.entry("upload.submit", "Uploaden"),
            Map.entry("upload.busy", "Bezig met uploaden…"),
            Map.entry("upload.done", "Geüpload. We lezen uw documenten."),
            Map.entry("upload.failed", "Het uploaden is niet gelukt. Probeer het opnieuw."),
            Map.entry("upload.none", "Kies ten minste één bestand."),
            Map.entry("documents", "Uw documenten"),
            Map.entry("documents.none", "Nog geen documenten."),
            Map.entry("status.queued", "Wacht op verwerking"),
            Map.entry("status.processing", "Wordt gelezen…"),
            Map.entry("status.processed", "Gelezen"),
            Map.entry("status.failed", "Kon niet worden gelezen"),
            Map.entry("refused.too_large", "Dit bestand is te groot."),
            Map.entry(
                    "refused.unsupported_media_type",
                    "Dit soort bestand kunnen we niet lezen. Gebruik PDF, een foto of een scan."),
            Map.entry("values", "Wat we vonden"),
            Map.entry(
                    "values.intro",
                    "Controleer de gegevens. Verbeter wat niet klopt; wat in de documenten staat bewaren we ook."),
            Map.entry(
                    "values.waiting", "We lezen uw documenten nog. De gegevens verschijnen hier zodra we klaar zijn."),
            Map.entry("values.source.document", "uit uw documenten"),
            Map.entry(
                    "values.source.review",
                    "uit uw documenten, controleer dit a.u.b.: we weten niet zeker of we dit goed lazen"),
            Map.entry("values.source.absent", "u gaf op dat dit er niet is"),
            Map.entry("values.source.applicant", "zoals u opgaf"),
            Map.entry("values.source.missing", "niet gevonden"),
            Map.entry("values.unreadable", "Dit konden we niet lezen. Controleer de waarde en probeer het opnieuw."),
            Map.entry("values.save", "Verbeteringen opslaan"),
            Map.entry("values.saved", "Uw verbeteringen zijn opgeslagen."),
            Map.entry(
                    "values.partly",
                    "De gemarkeerde waarde konden we niet lezen. Uw andere verbeteringen zijn opgeslagen."),
            Map.entry("values.none_saved", "De gemarkeerde waarde konden we niet lezen. Er is niets opgeslagen."),
            Map.entry("finish", "Afronden"),
            Map.entry("finish.hint", "Klopt alles? Rond dan af. U gaat daarna terug."),
            Map.entry("finish.submit", "Afronden en verder"),
            Map.entry("finish.no_documents", "Ik heb geen documenten voor deze aanvraag"),
            Map.entry(
                    "finish.needs_document",
                    "We hebben nog geen document van u gelezen. Upload een document en wacht tot het gelezen is, of vink “Ik heb geen documenten voor deze aanvraag” aan."),
            Map.entry("back", "Terug naar de pagina"),
            Map.entry("done.title", "Dank u wel"),
            Map.entry("done.text", "Uw documenten zijn ontvangen. U kunt deze pagina sluiten."),
            Map.entry("done_without_documents.title", "Dank u wel"),
            Map.entry(
                    "done_without_documents.text",
                    "Uw aanvraag is zonder documenten ontvangen. U kunt deze pagina sluiten."),
            Map.entry("refused.expired.title", "Deze link is verlopen"),
            Map.entry(
                    "refused.expired.text",
                    "Deze link is niet meer geldig. Vraag de organisatie die hem stuurde om een nieuwe."),
            Map.entry("refused.ended.title", "Deze aanvraag is gesloten"),
            Map.entry(
                    "refused.ended.text",
                    "Deze aanvraag is al afgerond of geannuleerd. Vraag de organisatie die de link stuurde om een nieuwe als dat nodig is."),
            Map.entry("refused.invalid.title", "Deze link is niet geldig"),
            Map.entry(
                    "refused.invalid.text",
                    "De link is onvolledig of gewijzigd. Open de link precies zoals u hem ontving."),
            Map.entry("refused.form.title", "Probeer het opnieuw"),
            Map.entry(
                    "refused.form.text",
                    "Uw formulier kon niet worden aangenomen. Ga terug naar de pagina, laad hem opnieuw en probeer het nog eens."));

    private final String locale;
    private final Map<String, String> texts;

    private PageTexts(String locale, Map<String, String> texts) {
        this.locale = locale;
        this.texts = texts;
    }

    static PageTexts of(String locale) {
        return "nl".equals(locale) ? new PageTexts("nl", NL) : new PageTexts("en", EN);
    }

    String locale() {
        return locale;
    }

    String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        return text;
    }

    /** A document status in words; unknown statuses read as waiting. */
    String status(String status) {
        return texts.getOrDefault("status." + status, texts.get("status.queued"));
    }
}
