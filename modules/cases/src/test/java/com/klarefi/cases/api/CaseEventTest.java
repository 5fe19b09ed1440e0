package com.klarefi.cases.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.cases.api.CaseEvent.CaseUpdated;
import com.klarefi.cases.api.CaseEvent.DocumentErased;
import com.klarefi.cases.api.CaseEvent.DocumentFailed;
import com.klarefi.cases.api.CaseEvent.DocumentProcessed;
import com.klarefi.cases.api.CaseEvent.DocumentReceived;
import com.klarefi.cases.api.CaseEvent.SessionCompleted;
import com.klarefi.cases.api.CaseEvent.SessionExpired;
import com.klarefi.platform.json.Json;
import org.junit.jupiter.api.Test;

/** The wire form of every event, as the events API and the webhooks' {@code data} carry it after the correlation ids. */
class CaseEventTest {
    @Test
    void documentEventsNameTheDocumentAndItsStatus() {
        assertThat(wire(new DocumentReceived("case_1", "doc_1")))
                .isEqualTo("document.received {\"doc_id\":\"doc_1\",\"status\":\"queued\"}");
        assertThat(wire(new DocumentProcessed("case_1", "doc_1")))
                .isEqualTo("document.processed {\"doc_id\":\"doc_1\",\"status\":\"processed\"}");
        assertThat(wire(new DocumentFailed("case_1", "doc_1", "fetch_failed")))
                .isEqualTo(
                        "document.failed {\"doc_id\":\"doc_1\",\"status\":\"failed\",\"failure_code\":\"fetch_failed\"}");
        assertThat(wire(new DocumentErased("case_1", "era_1"))).isEqualTo("document.erased {\"audit_id\":\"era_1\"}");
    }

    @Test
    void aCaseUpdateCarriesTheCasesNewStatus() {
        assertThat(wire(new CaseUpdated("case_1", "review"))).isEqualTo("case.updated {\"status\":\"review\"}");
    }

    @Test
    void sessionEventsListTheirFieldsInTheDocumentedOrder() {
        assertThat(wire(new SessionCompleted("case_1", "ses_1", 2, 1)))
                .isEqualTo("session.completed {\"session_id\":\"ses_1\","
                        + "\"status\":\"completed\",\"document_count\":2,\"statement_count\":1}");
        assertThat(wire(new SessionExpired("case_1", "ses_1")))
                .isEqualTo("session.expired {\"session_id\":\"ses_1\",\"status\":\"expired\"}");
    }

    private static String wire(CaseEvent event) {
        return event.eventType() + " " + Json.writeString(event.details());
    }
}
