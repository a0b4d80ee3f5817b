package org.clinic.appointments.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hashes made by Werkzeug 3.1.8's {@code generate_password_hash} for the earlier system's accounts. */
class WerkzeugHashTest {

    private static final char[] PASSWORD = "Old-Flask-Pass-7".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {
        "pbkdf2:sha256:1000000$nTipuFoKreX8e6Gr$1238bdbe5e8dcfd1a857c861cb792aea0cbef918f44729a9054433d7c35f84d7",
        "pbkdf2:sha256:1000$tE6NHfAsOTV8BE6V$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d1",
        "pbkdf2:sha512:2000$wYUrym5BYCKIKDcQ$865f360e9f761da503be5a813f1f65b9ed62710767efbbdb745ea17143b752224b95a6c9920012636c8d0f55b9657703e8f955474e4456ef9a480cc960ee0cfb",
        "pbkdf2:sha1:1000$m9rIxOquesl35wHZ$f87defb8aa3088a80f675aeee1b3bedf23c157a2",
        "scrypt:32768:8:1$C2WpGVHxAaR5ajkT$f135b9d9e0a1d84d141c86b0f7a9721d7df87eb18a65c40bf23cc2992da155faf8676135a04cdfae8fb25e5ef7c259ce712ddaa1ae66ce236604fc84b334d6fb",
        "scrypt:16384:8:1$UFqzWGQIz0V94Kk3$88ec51a2f16012000afd191c6d4ca645120f3c4547b77abe29df107073abdee75d6381aae8867716d9252b0db936b732f62f1d7d394e1360747b069462323705"
    })
    void rightPasswordVerifiesAndWrongOneDoesNot(String hash) {
        assertTrue(WerkzeugHash.isWerkzeug(hash));
        assertTrue(WerkzeugHash.verify(PASSWORD, hash));
        assertFalse(WerkzeugHash.verify("Old-Flask-Pass-8".toCharArray(), hash));
        assertFalse(WerkzeugHash.verify(new char[0], hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a changed digit in the hash, the salt, the iteration count, the digest name
        "pbkdf2:sha256:1000$tE6NHfAsOTV8BE6V$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d2",
        "pbkdf2:sha256:1000$tE6NHfAsOTV8BE6W$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d1",
        "pbkdf2:sha256:1001$tE6NHfAsOTV8BE6V$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d1",
        "pbkdf2:md5:1000$tE6NHfAsOTV8BE6V$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d1",
        // no iteration count, not hex, empty hash, too costly (time, then memory: 4 GiB), malformed numbers
        "pbkdf2:sha256$tE6NHfAsOTV8BE6V$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d1",
        "pbkdf2:sha256:1000$tE6NHfAsOTV8BE6V$not-hex",
        "pbkdf2:sha256:1000$tE6NHfAsOTV8BE6V$",
        "pbkdf2:sha256:2000000000$tE6NHfAsOTV8BE6V$575cc91457e790e0f55f3b2e3b5cc878cbdb7d5cbfbf13d9a217cfa854fcf6d1",
        "scrypt:1073741824:8:1$C2WpGVHxAaR5ajkT$f135b9d9e0a1d84d141c86b0f7a9721d7df87eb18a65c40bf23cc2992da155fa",
        "scrypt:1048576:32:1$C2WpGVHxAaR5ajkT$f135b9d9e0a1d84d141c86b0f7a9721d7df87eb18a65c40bf23cc2992da155fa",
        "scrypt:30000:8:1$C2WpGVHxAaR5ajkT$f135b9d9e0a1d84d141c86b0f7a9721d7df87eb18a65c40bf23cc2992da155fa",
        "scrypt:x:8:1$C2WpGVHxAaR5ajkT$f135b9d9e0a1d84d141c86b0f7a9721d7df87eb18a65c40bf23cc2992da155fa",
        "scrypt:16384:8$UFqzWGQIz0V94Kk3$88ec51a2f16012000afd191c6d4ca645120f3c4547b77abe29df107073abdee7"
    })
    void alteredOrUnreadableHashesNeverVerify(String hash) {
        assertFalse(WerkzeugHash.verify(PASSWORD, hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PBKDF2WithHmacSHA512:210000:c2FsdA==:aGFzaA==", "", "plain-text", "sha256$salt$abc", "pbkdf2:sha256:1000$a$b$c"
    })
    void otherHashesAreNotWerkzeugOnes(String hash) {
        assertFalse(WerkzeugHash.isWerkzeug(hash));
        assertFalse(WerkzeugHash.verify(PASSWORD, hash));
    }

    @org.junit.jupiter.api.Test
    void nonAsciiPasswordsAreEncodedAsWerkzeugDoes() {
        assertTrue(WerkzeugHash.verify("pässwörd ünïcode".toCharArray(),
                "pbkdf2:sha256:1000$fglZ5fyblZkZaRVF$7d4521007354b20db1930ce58f2127351cb7ffea5c97275138b4d9c7feffafd9"));
    }
}
