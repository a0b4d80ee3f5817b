package org.clinic.appointments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    private static final String KEY = "jos\u00e9@example.com";

    @Test
    void addressesAPersonReadsAsOneHaveOneKey() {
        for (String lookAlike : new String[] {
                "jos\u00e9@example.com",
                "  JOS\u00c9@Example.COM\t",
                "\u00a0jos\u00e9@example.com\u00a0",
                "\u3000jos\u00e9@example.com\u2003",
                "jose\u0301@example.com",
                "\uff4a\uff4f\uff53\u00e9\uff20\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff43\uff4f\uff4d"}) {
            assertEquals(KEY, EmailAddress.identityKey(lookAlike), lookAlike);
        }
    }

    @Test
    void caseIsFoldedNotOnlyLowered() {
        assertEquals(EmailAddress.identityKey("strasse@example.com"), EmailAddress.identityKey("STRA\u00dfE@example.com"));
        assertEquals(EmailAddress.identityKey("ma\u00df@example.com"), EmailAddress.identityKey("MASS@EXAMPLE.COM"));
    }

    @Test
    void invisibleCharactersAreNoticedWhereverTheyAre() {
        assertTrue(EmailAddress.hasInvisibleCharacter("asha\u200b@example.com"));
        assertTrue(EmailAddress.hasInvisibleCharacter("asha@example.com\u200d"));
        assertTrue(EmailAddress.hasInvisibleCharacter("\ufeffasha@example.com"));
        assertTrue(EmailAddress.hasInvisibleCharacter("as\u00adha@example.com"));
        assertTrue(EmailAddress.hasInvisibleCharacter("asha@exa\u2060mple.com"));
        assertTrue(EmailAddress.hasInvisibleCharacter("asha\u3164@example.com"));
        assertTrue(EmailAddress.hasInvisibleCharacter("\u202easha@example.com"));
        assertFalse(EmailAddress.hasInvisibleCharacter("asha.rao+clinic@example.co.in"));
        assertFalse(EmailAddress.hasInvisibleCharacter("\u0906\u0936\u093e@\u0909\u0926\u093e\u0939\u0930\u0923.\u092d\u093e\u0930\u0924"));
    }

    @Test
    void plainAddressesKeepTheirFormLowerCased() {
        assertEquals("asha.rao+clinic@example.co.in", EmailAddress.identityKey("Asha.Rao+Clinic@Example.co.in"));
        assertEquals(null, EmailAddress.identityKey(null));
    }
}
