package com.klarefi.intake.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.auth.api.OrganisationProfile;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.FeatureType;
import com.klarefi.intake.internal.sessions.Corrections;
import com.klarefi.intake.internal.sessions.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageViewTest {
    private static final CaseType TYPE = CaseTypes.parse("""
            {"id": "bike", "name": "Bicycle claim", "names": {"nl": "Fietsclaim"}, "locales": ["nl", "en"],
             "features": [{"id": "theft_date", "type": "date", "required": true,
                           "labels": {"nl": ["Datum diefstal"], "en": ["Date of theft"]}}]}""");

    @Test
    void itSpeaksTheSessionsLanguageAndMarksRequiredFeatures() {
        String html = PageView.render(model("nl", List.of(), Optional.empty()));

        assertThat(html)
                .contains("<html lang=\"nl\"")
                .contains("Wat we nodig hebben")
                .contains("Datum diefstal")
                .contains("(verplicht)")
                .contains("Nog geen documenten.")
                .doesNotContain("values-form")
                .contains("<h1>Uw documenten voor deze aanvraag</h1>")
                .doesNotContain("Wij lezen ze voor u");
    }

    @Test
    void theCaseTypeIsNamedInTheSessionsLanguage() {
        assertThat(PageView.render(model("nl", List.of(), Optional.empty())))
                .contains("<p class=\"case-type\">Fietsclaim</p>");
        assertThat(PageView.render(model("en", List.of(), Optional.empty())))
                .contains("<p class=\"case-type\">Bicycle claim</p>");
    }

    @Test
    void theOrganisationSaysWhoAsksWithItsLogoPrivacyNoteAndHelpContact() {
        OrganisationProfile profile = new OrganisationProfile(
                "org_1",
                "Acme Holding",
                Optional.of("Acme Verzekeringen"),
                Optional.of("https://acme.example/privacy?x=1&y=2"),
                Optional.of("help@acme.example"),
                Optional.of("image/png"));

        String html = PageView.render(withOrganisation(model("nl", List.of(), Optional.empty()), profile));

        assertThat(html)
                .contains("<img src=\"/s/s-1/logo?token=tok\" alt=\"Logo van Acme Verzekeringen\">")
                .contains("Acme Verzekeringen vraagt om uw documenten.")
                .contains("href=\"https://acme.example/privacy?x=1&amp;y=2\"")
                .contains("Hoe Acme Verzekeringen met uw gegevens omgaat")
                .contains("<a href=\"mailto:help@acme.example\">help@acme.example</a>")
                .doesNotContain("Acme Holding");
    }

    @Test
    void anOrganisationWithoutAProfileShowsItsNameAndNoEmptyFooter() {
        OrganisationProfile bare = new OrganisationProfile(
                "org_1", "Acme Holding", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        String html = PageView.render(withOrganisation(model("en", List.of(), Optional.empty()), bare));

        assertThat(html)
                .contains("Acme Holding asks for your documents.")
                .doesNotContain("<img")
                .doesNotContain("<footer");
    }

    @Test
    void aHelpContactThatIsAPhoneNumberCanBeCalled() {
        assertThat(OrganisationBanner.contact("+31 (0)20 123 45 67"))
                .isEqualTo("<a href=\"tel:+310201234567\">+31 (0)20 123 45 67</a>");
        assertThat(OrganisationBanner.contact("<script>")).isEqualTo("&lt;script&gt;");
    }

    @Test
    void aValueTheEngineWasUnsureOfAsksToBeCheckedInsteadOfLookingCertain() {
        Corrections.FeatureValue unsure = new Corrections.FeatureValue(
                TYPE.features().getFirst(), Optional.of("2024-04-26"), "26 april 2024", Corrections.Source.REVIEW);

        String html = PageView.render(model("nl", List.of(READ), Optional.of(unsure)));

        assertThat(html)
                .contains("value=\"26 april 2024\"")
                .contains("controleer dit a.u.b.")
                .doesNotContain(">uit uw documenten<")
                .contains("field source-review");
    }

    @Test
    void theSavedNoticeSitsUnderTheValuesHeadingAndIsAnnounced() {
        PageModel saved =
                withNotice(model("en", List.of(READ), Optional.empty()), PageModel.Notice.of("values", "Saved."));

        String html = PageView.render(saved);

        int heading = html.indexOf("id=\"values-title\"");
        int notice = html.indexOf(
                "<p id=\"values-notice\" class=\"notice\" role=\"status\" aria-live=\"polite\">Saved.</p>");
        assertThat(notice).isGreaterThan(heading).isLessThan(html.indexOf("id=\"values-form\""));
        assertThat(html.indexOf("Saved.")).as("shown once").isEqualTo(html.lastIndexOf("Saved."));
        assertThat(html).contains("/statements?token=tok#values-title\"");
    }

    @Test
    void finishingWithoutAReadDocumentOffersTheChoiceOfHavingNone() {
        assertThat(PageView.render(model("en", List.of(), Optional.empty())))
                .contains("name=\"no_documents\" type=\"checkbox\" value=\"yes\"")
                .contains("I have no documents");
        assertThat(PageView.render(model("en", List.of(READ), Optional.empty())))
                .doesNotContain("no_documents");
    }

    @Test
    void phonesAndEmailAddressesGetTheirKeyboardsAndWhatTheBrowserKnowsMayBeFilledIn() {
        assertThat(PageView.inputKind(FeatureType.PHONE))
                .contains("type=\"tel\"")
                .contains("autocomplete=\"tel\"");
        assertThat(PageView.inputKind(FeatureType.EMAIL))
                .contains("type=\"email\"")
                .contains("autocomplete=\"email\"");
        assertThat(PageView.inputKind(FeatureType.PERSON_NAME)).contains("autocomplete=\"name\"");
        assertThat(PageView.inputKind(FeatureType.POSTCODE)).contains("autocomplete=\"postal-code\"");
        assertThat(PageView.inputKind(FeatureType.DATE)).contains("autocomplete=\"off\"");
    }

    @Test
    void whatTheApplicantAndTheDocumentsSupplyIsEscaped() {
        PageModel.UploadedDocument upload = new PageModel.UploadedDocument(
                "doc_1", "<img src=x onerror=alert(1)>.pdf", "processed", Optional.empty());
        Corrections.FeatureValue value = new Corrections.FeatureValue(
                TYPE.features().getFirst(),
                Optional.of("\"><script>alert(2)</script>"),
                "\"><script>alert(2)</script>",
                Corrections.Source.DOCUMENT);

        String html = PageView.render(model("en", List.of(upload), Optional.of(value)));

        assertThat(html)
                .doesNotContain("<img")
                .doesNotContain("<script>alert")
                .contains("&lt;img src=x onerror=alert(1)&gt;.pdf")
                .contains("value=\"&quot;&gt;&lt;script&gt;")
                .contains("id=\"values-form\"")
                .contains("from your documents");
    }

    @Test
    void everyFormCarriesTheCsrfValueAndTheToken() {
        String html = PageView.render(model("en", List.of(), Optional.empty()));

        assertThat(html)
                .contains("name=\"csrf\" value=\"csrf-value\"")
                .contains("action=\"/s/s-1/documents?token=tok\"")
                .contains("action=\"/s/s-1/complete?token=tok\"");
    }

    private static final PageModel.UploadedDocument READ =
            new PageModel.UploadedDocument("doc_1", "claim.pdf", "processed", Optional.empty());

    private static PageModel withNotice(PageModel model, PageModel.Notice notice) {
        return new PageModel(
                model.session(),
                model.token(),
                model.csrf(),
                model.caseType(),
                model.documents(),
                model.values(),
                model.typed(),
                model.unreadable(),
                Optional.of(notice),
                model.maxMegabytes(),
                model.organisation());
    }

    private static PageModel withOrganisation(PageModel model, OrganisationProfile organisation) {
        return new PageModel(
                model.session(),
                model.token(),
                model.csrf(),
                model.caseType(),
                model.documents(),
                model.values(),
                model.typed(),
                model.unreadable(),
                model.notice(),
                model.maxMegabytes(),
                Optional.of(organisation));
    }

    private static PageModel model(
            String locale, List<PageModel.UploadedDocument> documents, Optional<Corrections.FeatureValue> value) {
        Session session = new Session(
                "s-1",
                "org_1",
                "test",
                "key_1",
                "case_1",
                "bike",
                locale,
                Optional.empty(),
                Session.OPEN,
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(3600),
                Optional.empty());
        List<Corrections.FeatureValue> values = value.map(List::of)
                .orElse(List.of(new Corrections.FeatureValue(
                        TYPE.features().getFirst(), Optional.empty(), "", Corrections.Source.MISSING)));
        return new PageModel(
                session,
                "tok",
                "csrf-value",
                TYPE,
                documents,
                values,
                Map.of(),
                List.of(),
                Optional.empty(),
                25,
                Optional.empty());
    }
}
