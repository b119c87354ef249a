package crm.rest.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactedUrlsTest {

    @Test
    void idsAndWordsOfAPathStayAndEveryOtherSegmentIsRedacted() {
        assertEquals("/api/v1/customers/3f1c2a9e-7b4d-4c1e-9a2b-0c8d7e6f5a4b/consents/marketing",
                RedactedUrls.path("/api/v1/customers/3f1c2a9e-7b4d-4c1e-9a2b-0c8d7e6f5a4b/consents/marketing"));
        assertEquals("/api/v1/experience/visits/{value}/curve",
                RedactedUrls.path("/api/v1/experience/visits/T-2026%2F17/curve"));
        assertEquals("/api/v1/customers/{value}", RedactedUrls.path("/api/v1/customers/yu.wei@example.com"));
    }

    @Test
    void theValueOfAnIdentifierInAPathIsRedactedEvenWhenItLooksLikeAWord() {
        assertEquals("/api/v1/customers/3f1c2a9e-7b4d-4c1e-9a2b-0c8d7e6f5a4b/identifiers/{value}/{value}",
                RedactedUrls.path("/api/v1/customers/3f1c2a9e-7b4d-4c1e-9a2b-0c8d7e6f5a4b/identifiers/MEMBERSHIP/weiyu"));
        assertEquals("/api/v1/customers/x/identifiers/membership/{value}",
                RedactedUrls.path("/api/v1/customers/x/identifiers/membership/weiyu"));
    }

    @Test
    void aQueryKeepsOnlyTheNamesOfItsParameters() {
        assertEquals("phone&source", RedactedUrls.query("phone=138%200013%208000&source=desk"));
        assertEquals("email&{value}", RedactedUrls.query("email=yu.wei%40example.com&yu.wei@example.com"));
    }

    @Test
    void aFullUrlKeepsItsOriginAndHasItsPathAndQueryRedacted() {
        assertEquals("http://127.0.0.1:8081/api/v1/customers/identify?phone",
                RedactedUrls.url("http://127.0.0.1:8081/api/v1/customers/identify?phone=13800138000"));
        assertEquals("http://127.0.0.1:8081/api/v1/customers/{value}",
                RedactedUrls.url("http://127.0.0.1:8081/api/v1/customers/Yu%20Wei#top"));
        assertEquals("http://127.0.0.1:8081", RedactedUrls.url("http://127.0.0.1:8081"));
    }
}
