package org.clinic.appointments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class SitePageTest {

    /** A request to {@code clinic.example} under {@code context}, with the given method, address and headers. */
    private static HttpServletRequest request(String context, String method, String uri, String query,
            Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(SitePageTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, call, args) -> switch (call.getName()) {
                    case "getMethod" -> method;
                    case "getContextPath" -> context;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getServerName" -> "clinic.example";
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(call.getName());
                });
    }

    private static Optional<String> sentFrom(String context, String referer) {
        return SitePage.of(request(context, "POST", context + "/patient/pay", null,
                referer == null ? Map.of() : Map.of("Referer", referer)));
    }

    @Test
    void aGetStandsForThePageAskedForWithItsQuery() {
        assertEquals(Optional.of("/patient/book?doctor=doc5&date=2026-12-04"), SitePage.of(request("/clinic", "GET",
                "/clinic/patient/book", "doctor=doc5&date=2026-12-04", Map.of())));
        assertEquals(Optional.of("/patient/appointments"),
                SitePage.of(request("", "GET", "/patient/appointments", null, Map.of())));
    }

    @Test
    void aFormStandsForThePageOfThisSiteItWasSentFrom() {
        assertEquals(Optional.of("/patient/pay?id=42"), sentFrom("/clinic", "https://clinic.example/clinic/patient/pay?id=42"));
        assertEquals(Optional.of("/patient/pay?id=42"), sentFrom("", "http://CLINIC.example:8080/patient/pay?id=42"));
    }

    @Test
    void aFormFromAnywhereElseStandsForNoPage() {
        assertEquals(Optional.empty(), sentFrom("/clinic", null));
        assertEquals(Optional.empty(), sentFrom("/clinic", "https://elsewhere.example/clinic/patient/pay?id=42"));
        assertEquals(Optional.empty(), sentFrom("/clinic", "https://clinic.example/other/patient/pay"));
        assertEquals(Optional.empty(), sentFrom("/clinic", "https://clinic.example/clinicx/patient/pay"));
        assertEquals(Optional.empty(), sentFrom("", "https://clinic.example//elsewhere.example/x"));
        assertEquals(Optional.empty(), sentFrom("", "https://clinic.example/\\\\elsewhere.example"));
        assertEquals(Optional.empty(), sentFrom("", "https://clinic.example/a b"));
        assertEquals(Optional.empty(), sentFrom("", "about:blank"));
    }

    @Test
    void aFormIsOpenedAgainFromThePageItWasOnElseFromItsOwnAddressWithoutItsQuery() {
        assertEquals("/patient/book?doctor=doc5", SitePage.formOf(request("/clinic", "POST", "/clinic/patient/book",
                "doctor=doc5", Map.of("Referer", "https://clinic.example/clinic/patient/book?doctor=doc5"))));
        assertEquals("/admin/dashboard", SitePage.formOf(request("/clinic", "GET", "/clinic/admin/dashboard",
                "f1=x&f2=x", Map.of("Referer", "https://elsewhere.example/clinic/patient/pay"))));
        assertEquals("/login", SitePage.formOf(request("", "POST", "/login", null, Map.of())));
    }
}
