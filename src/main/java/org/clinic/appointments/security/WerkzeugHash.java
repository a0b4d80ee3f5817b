package org.clinic.appointments.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.password4j.ScryptFunction;

/**
 * Password hashes written by the earlier Flask system (Werkzeug's {@code generate_password_hash}):
 * {@code pbkdf2:<sha1|sha256|sha512>:<iterations>$<salt>$<hex>} and {@code scrypt:<n>:<r>:<p>$<salt>$<hex>}.
 * Only verified, never written: an account moves to our own hash on its first successful login.
 */
final class WerkzeugHash {

    static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    static final int MAX_SCRYPT_COST = 1 << 20;
    static final int MAX_SCRYPT_BLOCK_SIZE = 32;
    static final int MAX_SCRYPT_PARALLELISM = 16;
    /** scrypt's working memory, 128 · r · n bytes: Werkzeug's default (n 32768, r 8) needs 32 MiB. */
    static final long MAX_SCRYPT_MEMORY_BYTES = 128L << 20;
    private static final int SCRYPT_KEY_BYTES = 64;

    private WerkzeugHash() {
    }

    static boolean isWerkzeug(String stored) {
        return stored != null && (stored.startsWith("pbkdf2:") || stored.startsWith("scrypt:"))
                && stored.chars().filter(c -> c == '$').count() == 2;
    }

    /** False for a wrong password and for a hash this class cannot read or whose cost is beyond reason. */
    static boolean verify(char[] password, String stored) {
        if (!isWerkzeug(stored)) {
            return false;
        }
        String[] parts = stored.split("\\$", -1);
        String[] method = parts[0].split(":", -1);
        byte[] salt = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(parts[2].toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        byte[] actual;
        try {
            actual = switch (method[0]) {
                case "pbkdf2" -> pbkdf2(method, password, salt);
                case "scrypt" -> scrypt(method, password, salt);
                default -> null;
            };
        } catch (NumberFormatException | GeneralSecurityException unreadable) {
            return false;
        }
        return actual != null && expected.length > 0 && MessageDigest.isEqual(actual, expected);
    }

    private static byte[] pbkdf2(String[] method, char[] password, byte[] salt) throws GeneralSecurityException {
        if (method.length != 3) {
            return null;
        }
        int keyBits = switch (method[1]) {
            case "sha1" -> 160;
            case "sha256" -> 256;
            case "sha512" -> 512;
            default -> 0;
        };
        int iterations = Integer.parseInt(method[2]);
        if (keyBits == 0 || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS || salt.length == 0) {
            return null;
        }
        String algorithm = "PBKDF2WithHmac" + method[1].toUpperCase(Locale.ROOT);
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBits);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] scrypt(String[] method, char[] password, byte[] salt) throws GeneralSecurityException {
        if (method.length != 4) {
            return null;
        }
        int n = Integer.parseInt(method[1]);
        int r = Integer.parseInt(method[2]);
        int p = Integer.parseInt(method[3]);
        boolean powerOfTwo = n > 1 && (n & (n - 1)) == 0;
        if (!powerOfTwo || n > MAX_SCRYPT_COST || r < 1 || r > MAX_SCRYPT_BLOCK_SIZE
                || p < 1 || p > MAX_SCRYPT_PARALLELISM || 128L * r * n > MAX_SCRYPT_MEMORY_BYTES) {
            return null;
        }
        byte[] passwordBytes = utf8(password);
        try {
            return ScryptFunction.getInstance(n, r, p, SCRYPT_KEY_BYTES).scrypt(passwordBytes, salt, SCRYPT_KEY_BYTES);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
