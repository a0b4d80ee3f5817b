package org.clinic.appointments.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The token of a single-use link mailed to an account (reset, verification): 22 characters of random secret,
 * then the account's id. Only the SHA-256 of the secret is stored.
 */
record LinkToken(String secret, String userId) {

    private static final int SECRET_CHARS = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    static LinkToken issue(String userId) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random), userId);
    }

    static Optional<LinkToken> parse(String token) {
        if (token == null || token.length() <= SECRET_CHARS || token.length() > 200) {
            return Optional.empty();
        }
        return Optional.of(new LinkToken(token.substring(0, SECRET_CHARS), token.substring(SECRET_CHARS)));
    }

    String secretHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String link(String pageUrl) {
        return pageUrl + "?token=" + secret + userId;
    }
}
