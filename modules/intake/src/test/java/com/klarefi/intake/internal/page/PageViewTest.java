package com.klarefi.intake.internal.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.intake.internal.sessions.Corrections;
import com.klarefi.intake.internal.sessions.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageViewTest {
    private static final CaseType TYPE = CaseTypes.parse("""
            {"id": "bike", "name": "Fietsclaim", "locales": ["nl", "en"],
             "features": [{"id": "theft_date", "type": "date", "required": true,
                           "labels": {"nl": ["Datum diefstal"], "en": ["Date of theft"]}}]}""");

    @Test
    void itSpeaksTheSessionsLanguageAndMarksRequiredFeatures() {
        String html = PageView.render(model("nl", List.of(), Optional.empty()));

        assertThat(html).contains("<html lang=\"nl\"").contains("Wat we nodig hebben").contains("Datum diefstal")
                .contains("(verplicht)").contains("Nog geen documenten.").doesNotContain("values-form");
    }

    @Test
    void whatTheApplicantAndTheDocumentsSupplyIsEscaped() {
        PageModel.UploadedDocument upload = new PageModel.UploadedDocument("doc_1", "<img src=x onerror=alert(1)>.pdf",
                "processed", Optional.empty());
        Corrections.FeatureValue value = new Corrections.FeatureValue(TYPE.features().getFirst(),
                Optional.of("\"><script>alert(2)</script>"), Corrections.Source.DOCUMENT);

        String html = PageView.render(model("en", List.of(upload), Optional.of(value)));

        assertThat(html).doesNotContain("<img").doesNotContain("<script>alert")
                .contains("&lt;img src=x onerror=alert(1)&gt;.pdf").contains("value=\"&quot;&gt;&lt;script&gt;")
                .contains("id=\"values-form\"").contains("from your documents");
    }

    @Test
    void everyFormCarriesTheCsrfValueAndTheToken() {
        String html = PageView.render(model("en", List.of(), Optional.empty()));

        assertThat(html).contains("name=\"csrf\" value=\"csrf-value\"")
                .contains("action=\"/s/s-1/documents?token=tok\"").contains("action=\"/s/s-1/complete?token=tok\"");
    }

    private static PageModel model(String locale, List<PageModel.UploadedDocument> documents,
                                   Optional<Corrections.FeatureValue> value) {
        Session session = new Session("s-1", "org_1", "test", "key_1", "case_1", "bike", locale, Optional.empty(),
                Session.OPEN, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), Optional.empty());
        List<Corrections.FeatureValue> values = value.map(List::of).orElse(List.of(new Corrections.FeatureValue(
                TYPE.features().getFirst(), Optional.empty(), Corrections.Source.MISSING)));
        return new PageModel(session, "tok", "csrf-value", TYPE, documents, values, Map.of(), List.of(), Optional.empty(), 25);
    }
}
