package org.clinic.appointments.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.clinic.appointments.domain.EmailAddress;
import org.clinic.appointments.infrastructure.config.AppConfig;

/**
 * The mark a browser gets when it logs in to an account: a cookie signed with the server's key, so only this
 * server can make one. A browser that shows the account's mark has logged in to it before, and passes the
 * throttle's per-account count (its owner is not locked out by failures from elsewhere).
 */
@ApplicationScoped
public class DeviceMarks {

    private static final String PREFIX = "device-";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Inject
    AppConfig config;

    private SecretKey key;

    @PostConstruct
    void init() {
        key = config.deviceKey()
                .<SecretKey>map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .orElseGet(LoginThrottle::newKey);
    }

    /** Whether the request carries this account's mark. */
    public boolean isKnown(HttpServletRequest request, String email) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || email == null) {
            return false;
        }
        String name = cookieName(email);
        byte[] expected = mark(email).getBytes(StandardCharsets.US_ASCII);
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null
                    && MessageDigest.isEqual(expected, cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** Gives the browser this account's mark for a year (HttpOnly; Secure over HTTPS). */
    public void remember(HttpServletRequest request, HttpServletResponse response, String email) {
        Cookie cookie = new Cookie(cookieName(email), mark(email));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(ONE_YEAR);
        response.addCookie(cookie);
    }

    private String cookieName(String email) {
        return PREFIX + HexFormat.of().formatHex(LoginThrottle.mac(key, "name:" + identity(email)), 0, 8);
    }

    private String mark(String email) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(LoginThrottle.mac(key, "device:" + identity(email)));
    }

    private static String identity(String email) {
        String identity = EmailAddress.identityKey(email);
        return identity == null ? email.strip() : identity;
    }
}
