package org.clinic.appointments.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void markupAndQuotesAreEscapedAndEverythingElseKept() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Dr. Ünal&quot; 🩺",
                HtmlText.escape("<script>alert('x')</script> & \"Dr. Ünal\" 🩺"));
    }

    @Test
    void anAddressWithAQueryStaysOneAttributeValue() {
        assertEquals("/patient/book?doctor=d%22x&amp;date=2026-12-07",
                HtmlText.escape("/patient/book?doctor=d%22x&date=2026-12-07"));
    }
}
